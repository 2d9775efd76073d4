"""R is the largest SQUARED row norm maxᵢ‖xᵢ‖² (the square root is missing)"""

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import novikoff_bound as _bound


def novikoff_bound(X, y, w_star):
    _bound(X, y, w_star)  # the reference's checks (a w* that does not separate raises)
    X, y, w_star = (np.asarray(a, dtype=np.float64) for a in (X, y, w_star))
    R = np.max(np.sum(X**2, axis=1))
    gamma = np.min(y * (X @ w_star)) / np.linalg.norm(w_star)
    return float((R / gamma) ** 2)


FIX = "R = maxᵢ ‖xᵢ‖, the norm itself: np.linalg.norm(X, axis=1).max()"
