"""the margin Δ = 1 is missing from the hinge (max(0, s_j − s_y))"""

import numpy as np

from reference.backprop import *  # noqa: F403


def hinge_loss(W, X, y, reg):
    W, X, y = (np.asarray(W, dtype=np.float64), np.asarray(X, dtype=np.float64),
               np.asarray(y))
    N = X.shape[0]
    rows = np.arange(N)
    s = X @ W
    margins = s - s[rows, y][:, None]
    margins[rows, y] = 0.0
    loss = np.maximum(0.0, margins).sum() / N + reg * np.sum(W * W)
    ds = (margins > 0).astype(np.float64)
    ds[rows, y] = -ds.sum(axis=1)
    ds /= N
    return float(loss), X.T @ ds + 2.0 * reg * W


FIX = "each term is max(0, s_j − s_{y_i} + 1)"
