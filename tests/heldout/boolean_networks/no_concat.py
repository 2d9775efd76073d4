"""heldout: each layer sees only the previous layer's outputs (no concatenation)"""

import numpy as np

from reference.boolean_networks import *  # noqa: F403


def threshold_forward(layers, X):
    z = np.asarray(X, float)
    if z.ndim != 2:
        raise ValueError("X 2-D")
    if not layers:
        raise ValueError("no layers")
    for W, b in layers:
        W = np.asarray(W, float); b = np.asarray(b, float)
        if W.shape[1] != z.shape[1]:
            raise ValueError("shapes")
        z = (z @ W.T + b >= 0).astype(float)
    if z.shape[1] != 1:
        raise ValueError("one output")
    return z[:, 0].astype(int)
