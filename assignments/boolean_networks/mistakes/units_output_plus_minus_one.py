"""units output −1/+1 (a sign activation) instead of 0/1

threshold_forward gives −1 where W·z + b < 0, and later layers see −1 for an inactive unit."""

import numpy as np

from reference.boolean_networks import *  # noqa: F403


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=float)
    for W, b in layers:
        out = np.where(z @ np.asarray(W, dtype=float).T + np.asarray(b, dtype=float) >= 0,
                       1.0, -1.0)
        z = np.hstack([z, out])
    return out[:, 0].astype(int)


FIX = "a threshold unit outputs 1 if W·z + b >= 0, else 0 (not −1)"
