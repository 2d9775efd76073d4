"""the data part of the hinge dW is not divided by N (the loss is a mean, dW a sum)"""

import numpy as np

from reference import backprop as _ref
from reference.backprop import *  # noqa: F403


def hinge_loss(W, X, y, reg):
    loss, dW = _ref.hinge_loss(W, X, y, reg)
    W = np.asarray(W, dtype=np.float64)
    return loss, (dW - 2.0 * reg * W) * np.asarray(X).shape[0] + 2.0 * reg * W


FIX = "divide the data gradient by N as you divide the loss: dW = Xᵀ·ds / N + 2·reg·W"
