"""the bias is subtracted (W·z − b >= 0) instead of added

threshold_forward treats b as a threshold to exceed, but the course's unit is W·z + b >= 0."""

import numpy as np

from reference.boolean_networks import *  # noqa: F403


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=float)
    for W, b in layers:
        out = (z @ np.asarray(W, dtype=float).T - np.asarray(b, dtype=float) >= 0).astype(float)
        z = np.hstack([z, out])
    return out[:, 0].astype(int)


FIX = "a unit fires when W·z + b >= 0: add the bias"
