"""the hinge loss value is summed over the samples, not averaged (dW is averaged)"""

import numpy as np

from reference import backprop as _ref
from reference.backprop import *  # noqa: F403


def hinge_loss(W, X, y, reg):
    loss, dW = _ref.hinge_loss(W, X, y, reg)
    penalty = reg * float(np.sum(np.asarray(W, dtype=np.float64) ** 2))
    return (loss - penalty) * np.asarray(X).shape[0] + penalty, dW


FIX = "divide the summed margins by N"
