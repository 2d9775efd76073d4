"""p pᵀ sign error

softmax_jacobian returns diag(p) + p pᵀ instead of diag(p) − p pᵀ."""

import numpy as np

from reference.backprop import *  # noqa: F403


def softmax_jacobian(p):
    return np.diag(p) + np.outer(p, p)


FIX = "subtract outer(p, p) from diag(p), do not add it"
