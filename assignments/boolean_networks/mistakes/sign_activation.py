"""the units output np.sign(W·z + b) (−1, 0 or 1) instead of the step [W·z + b >= 0]"""

import numpy as np

from reference.boolean_networks import *  # noqa: F403
from reference.boolean_networks import threshold_forward as _forward


def threshold_forward(layers, X):
    _forward(layers, X)  # the reference's checks of the shapes
    z = np.asarray(X, dtype=float)
    for W, b in layers:
        out = np.sign(z @ np.asarray(W, dtype=float).T + np.asarray(b, dtype=float))
        z = np.hstack([z, out])
    return out[:, 0].astype(int)


FIX = "a unit outputs 1 if W·z + b >= 0, else 0: (s >= 0).astype(int), not np.sign(s)"
