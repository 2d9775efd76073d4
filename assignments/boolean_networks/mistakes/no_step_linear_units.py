"""the step is missing: every unit passes on W·z + b instead of 0/1"""

import numpy as np

from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import threshold_forward as _forward


def threshold_forward(layers, X):
    _forward(layers, X)  # the reference's checks of the shapes
    z = np.asarray(X, dtype=float)
    for W, b in layers:
        out = z @ np.asarray(W, dtype=float).T + np.asarray(b, dtype=float)
        z = np.hstack([z, out])
    return out[:, 0]


FIX = "each unit outputs 1 if W·z + b >= 0 else 0: out = (s >= 0).astype(float)"
