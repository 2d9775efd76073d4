"""the bias is added once per input a unit reads: Σ_i (w_i z_i + b) = W·z + (inputs)·b"""

import numpy as np

from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import threshold_forward as _forward


def threshold_forward(layers, X):
    _forward(layers, X)  # the reference's checks of the shapes
    z = np.asarray(X, dtype=float)
    for W, b in layers:
        W = np.asarray(W, dtype=float)
        out = (z @ W.T + W.shape[1] * np.asarray(b, dtype=float) >= 0).astype(float)
        z = np.hstack([z, out])
    return out[:, 0].astype(int)


FIX = "the bias is added once per unit, after the sum: W·z + b"
