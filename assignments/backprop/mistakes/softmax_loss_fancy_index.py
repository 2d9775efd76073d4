"""the true-class entries were picked with log_p[:, y] (an N×N block), not log_p[arange(N), y]"""

import numpy as np

from reference import backprop as _ref
from reference.backprop import *  # noqa: F403


def softmax_loss(W, X, y, reg):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y).astype(np.intp)
    s = X @ W
    s = s - s.max(axis=1, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    loss = -log_p[:, y].mean() + reg * np.sum(W * W)
    return float(loss), _ref.softmax_loss(W, X, y, reg)[1]


FIX = "pair each row with its own label: log_p[np.arange(N), y]"
