"""the hinge max(0, ·) is missing: every margin counts, negative ones too"""

import numpy as np

from reference.backprop import *  # noqa: F403


def hinge_loss(W, X, y, reg):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y).astype(np.intp)
    N = X.shape[0]
    rows = np.arange(N)
    s = X @ W
    margins = s - s[rows, y][:, None] + 1.0
    margins[rows, y] = 0.0
    loss = margins.sum() / N + reg * np.sum(W * W)
    ds = np.ones_like(margins)
    ds[rows, y] = -(W.shape[1] - 1)
    dW = X.T @ ds / N + 2.0 * reg * W
    return float(loss), dW


FIX = "only positive margins count: max(0, s_j − s_y + 1), and only they enter dW"
