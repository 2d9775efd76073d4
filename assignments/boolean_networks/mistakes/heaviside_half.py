"""a unit exactly at its threshold outputs 0.5 (np.heaviside(s, 0.5)) instead of 1

The 0.5 flows into the later layers; equality must fire."""

import numpy as np

from reference.boolean_networks import *  # noqa: F403


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=float)
    for W, b in layers:
        out = np.heaviside(z @ np.asarray(W, dtype=float).T + np.asarray(b, dtype=float), 0.5)
        z = np.hstack([z, out])
    return out[:, 0].astype(int)


FIX = "a unit outputs 1 when W·z + b >= 0: np.heaviside(s, 1.0) or (s >= 0).astype(int)"
