"""2·reg·W is missing its factor 2

hinge_loss differentiates reg·ΣW² as reg·W (the factor 2 is missing)."""

import numpy as np

from reference import backprop as _ref
from reference.backprop import *  # noqa: F403


def hinge_loss(W, X, y, reg):
    loss, dW = _ref.hinge_loss(W, X, y, reg)
    return loss, dW - reg * np.asarray(W)


FIX = "the gradient of reg·ΣW² is 2·reg·W"
