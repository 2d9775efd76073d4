"""the regularisation term is missing from the hinge loss value (dW is right)"""

import numpy as np

from reference.backprop import *  # noqa: F403
from reference.backprop import hinge_loss as _hinge_loss


def hinge_loss(W, X, y, reg):
    loss, dW = _hinge_loss(W, X, y, reg)
    return loss - reg * float(np.sum(np.asarray(W, dtype=np.float64) ** 2)), dW


FIX = "add reg·ΣW² to the loss"
