"""threshold_forward returns the first unit after the inputs (z[:, n]), not the output unit"""

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
    return z[:, n].astype(int)


FIX = "return the LAST column of z (the output unit): z[:, -1], not z[:, n]"
