"""threshold_forward returns the outputs of every unit, not only the last layer's single unit"""

import numpy as np

from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import threshold_forward as _forward


def threshold_forward(layers, X):
    _forward(layers, X)  # the reference's checks of the shapes
    z = np.asarray(X, dtype=float)
    n = z.shape[1]
    for W, b in layers:
        out = (z @ np.asarray(W, dtype=float).T + np.asarray(b, dtype=float) >= 0).astype(float)
        z = np.hstack([z, out])
    return z[:, n:].astype(int)


FIX = "return only the last layer's unit: out[:, 0] of the last layer, shape (m,)"
