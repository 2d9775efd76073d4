"""the regularisation term is missing from the softmax loss value (dW is right)"""

import numpy as np

from reference import backprop as _ref
from reference.backprop import *  # noqa: F403


def softmax_loss(W, X, y, reg):
    loss, dW = _ref.softmax_loss(W, X, y, reg)
    return loss - reg * float(np.sum(np.asarray(W, dtype=np.float64) ** 2)), dW


FIX = "add reg·ΣW² to the loss"
