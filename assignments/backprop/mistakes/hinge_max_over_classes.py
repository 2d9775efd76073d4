"""the hinge loss takes the largest margin per sample instead of summing the margins

hinge_loss uses max_j max(0, s_j − s_y + 1) (the Crammer–Singer loss), and its gradient counts
only that class."""

import numpy as np

from reference.backprop import *  # noqa: F403


def hinge_loss(W, X, y, reg):
    W, X, y = np.asarray(W, dtype=np.float64), np.asarray(X, dtype=np.float64), np.asarray(y)
    N = X.shape[0]
    rows = np.arange(N)
    s = X @ W
    margins = s - s[rows, y][:, None] + 1.0
    margins[rows, y] = -np.inf
    top = margins.argmax(axis=1)
    worst = np.maximum(0.0, margins[rows, top])
    loss = worst.sum() / N + reg * np.sum(W * W)
    ds = np.zeros_like(s)
    active = worst > 0
    ds[rows[active], top[active]] = 1.0
    ds[rows[active], y[active]] -= 1.0
    return float(loss), X.T @ ds / N + 2.0 * reg * W


FIX = "in hinge_loss sum max(0, s_j − s_y + 1) over every j ≠ y_i"
