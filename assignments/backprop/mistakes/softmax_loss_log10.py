"""the softmax loss uses log base 10 instead of the natural log

softmax_loss computes −mean(log10 p_{i,y_i}); dW is right (so it no longer matches the loss)."""

import numpy as np

from reference import backprop as _ref
from reference.backprop import *  # noqa: F403


def softmax_loss(W, X, y, reg):
    loss, dW = _ref.softmax_loss(W, X, y, 0.0)
    W = np.asarray(W, dtype=np.float64)
    return float(loss / np.log(10) + reg * np.sum(W * W)), dW + 2.0 * reg * W


FIX = "in softmax_loss use the natural log, np.log, not np.log10"
