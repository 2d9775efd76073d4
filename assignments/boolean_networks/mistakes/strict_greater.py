"""`>` was used instead of `>=`

threshold_forward fires a unit only when W·z + b > 0."""

import numpy as np

from reference.boolean_networks import *  # noqa: F403


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=float)
    for W, b in layers:
        out = (z @ np.asarray(W).T + b > 0).astype(float)
        z = np.hstack([z, out])
    return out[:, 0].astype(int)


FIX = "a unit fires when W·z + b >= 0 (equality fires)"
