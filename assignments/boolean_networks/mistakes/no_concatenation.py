"""a layer's output is not concatenated with its input (layer k sees only layer k−1)"""

import numpy as np

from reference.boolean_networks import *  # noqa: F403


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2 or not layers:
        raise ValueError("bad input")
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64); b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError("shapes")
        z = (z @ W.T + b >= 0).astype(np.float64)
    if z.shape[1] != 1:
        raise ValueError("one output unit")
    return z[:, 0].astype(int)


FIX = "z = np.hstack([z, out]) after every layer"
