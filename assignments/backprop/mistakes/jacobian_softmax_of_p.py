"""softmax was applied to p again before building the Jacobian (p is already a softmax output)

softmax_jacobian computes q = softmax(p) and returns diag(q) − q qᵀ."""

import numpy as np

from reference.backprop import *  # noqa: F403


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    e = np.exp(p - p.max())
    q = e / e.sum()
    return np.diag(q) - np.outer(q, q)


FIX = "in softmax_jacobian use p as given: J = diag(p) − p pᵀ"
