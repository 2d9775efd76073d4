"""a sigmoid was used instead of the step: the units output σ(W·z + b), not 0/1"""

import numpy as np

from reference.boolean_networks import *  # noqa: F403


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=float)
    for W, b in layers:
        s = z @ np.asarray(W, dtype=float).T + np.asarray(b, dtype=float)
        out = 1.0 / (1.0 + np.exp(-s))
        z = np.hstack([z, out])
    return out[:, 0]


FIX = "a threshold unit is a step: (W·z + b >= 0).astype(int)"
