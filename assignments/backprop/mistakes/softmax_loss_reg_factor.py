"""dW of the softmax loss misses the factor 2 of 2·reg·W"""

import numpy as np

from reference.backprop import *  # noqa: F403
from reference.backprop import softmax_loss as _softmax_loss


def softmax_loss(W, X, y, reg):
    loss, dW = _softmax_loss(W, X, y, reg)
    return loss, dW - reg * np.asarray(W, dtype=np.float64)


FIX = "the regulariser reg·ΣW² has gradient 2·reg·W"
