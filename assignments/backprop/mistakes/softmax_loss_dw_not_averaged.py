"""the data part of the softmax dW is not divided by N (the loss is a mean, dW a sum)"""

import numpy as np

from reference import backprop as _ref
from reference.backprop import *  # noqa: F403


def softmax_loss(W, X, y, reg):
    loss, dW = _ref.softmax_loss(W, X, y, reg)
    W = np.asarray(W, dtype=np.float64)
    return loss, (dW - 2.0 * reg * W) * np.asarray(X).shape[0] + 2.0 * reg * W


FIX = "dW = Xᵀ(P − Y) / N + 2·reg·W"
