"""p was subtracted as a row (diag(p) − p, broadcast) instead of the outer product p pᵀ"""

import numpy as np

from reference.backprop import *  # noqa: F403


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    return np.diag(p) - p


FIX = "J[i, j] = p_i·(1[i = j] − p_j): subtract np.outer(p, p)"
