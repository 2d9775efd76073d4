"""the regulariser's gradient 2·reg·W is missing from the hinge dW (the loss has reg·ΣW²)"""

import numpy as np

from reference import backprop as _ref
from reference.backprop import *  # noqa: F403


def hinge_loss(W, X, y, reg):
    loss, dW = _ref.hinge_loss(W, X, y, reg)
    return loss, dW - 2.0 * reg * np.asarray(W, dtype=np.float64)


FIX = "add 2·reg·W to dW"
