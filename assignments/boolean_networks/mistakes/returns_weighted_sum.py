"""threshold_forward returns the output unit's weighted sum W·z + b instead of its 0/1 step"""

import numpy as np

from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import threshold_forward as _forward


def threshold_forward(layers, X):
    _forward(layers, X)  # the reference's checks of the shapes
    z = np.asarray(X, dtype=float)
    for W, b in layers:
        s = z @ np.asarray(W, dtype=float).T + np.asarray(b, dtype=float)
        z = np.hstack([z, (s >= 0).astype(float)])
    return s[:, 0]


FIX = "threshold the last layer too: return (s >= 0).astype(int)[:, 0]"
