"""the hinge loss uses ½·reg·ΣW² instead of reg·ΣW²"""

import numpy as np

from reference import backprop as _ref
from reference.backprop import *  # noqa: F403


def hinge_loss(W, X, y, reg):
    loss, dW = _ref.hinge_loss(W, X, y, reg)
    return loss - 0.5 * reg * float(np.sum(np.asarray(W, dtype=np.float64) ** 2)), dW


FIX = "the regulariser is reg·ΣW² (its gradient 2·reg·W)"
