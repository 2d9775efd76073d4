"""hinge margins taken against the row's largest score instead of the true class's score

Each margin is s_ij − max_k s_ik + 1 (against the predicted class), not s_ij − s_{i,y_i} + 1."""

import numpy as np

from reference.backprop import *  # noqa: F403
from reference.backprop import _check_linear_classifier


def hinge_loss(W, X, y, reg):
    W, X, y = _check_linear_classifier(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    s = X @ W
    top = s.argmax(axis=1)
    margins = s - s[rows, top][:, None] + 1.0
    margins[rows, y] = 0.0
    loss = np.maximum(0.0, margins).sum() / N + reg * np.sum(W * W)
    ds = (margins > 0).astype(np.float64)
    np.subtract.at(ds, (rows, top), ds.sum(axis=1))
    return float(loss), X.T @ ds / N + 2.0 * reg * W


FIX = "compare every class with the TRUE class: s_ij − s_{i,y_i} + 1"
