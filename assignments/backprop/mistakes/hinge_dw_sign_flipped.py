"""the hinge gradient's data term has the wrong sign (+x_i on the true class, −x_i on the others)

hinge_loss subtracts x_i from the column of every class with a positive margin and adds them to
the true class; the loss and the regulariser's 2·reg·W are right."""

import numpy as np

from reference.backprop import *  # noqa: F403


def hinge_loss(W, X, y, reg):
    W, X, y = np.asarray(W, dtype=np.float64), np.asarray(X, dtype=np.float64), np.asarray(y)
    N = X.shape[0]
    rows = np.arange(N)
    s = X @ W
    margins = s - s[rows, y][:, None] + 1.0
    margins[rows, y] = 0.0
    loss = np.maximum(0.0, margins).sum() / N + reg * np.sum(W * W)
    ds = (margins > 0).astype(np.float64)
    ds[rows, y] = -ds.sum(axis=1)
    return float(loss), -X.T @ ds / N + 2.0 * reg * W


FIX = "in hinge_loss add x_i to dW[:, j] for each positive margin and subtract it from dW[:, y_i]"
