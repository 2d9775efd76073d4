"""R is the largest COLUMN norm (axis=0) instead of the largest row norm ‖xᵢ‖"""

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import novikoff_bound as _bound


def novikoff_bound(X, y, w_star):
    _bound(X, y, w_star)  # the reference's checks (a w* that does not separate raises)
    X, y, w_star = (np.asarray(a, dtype=np.float64) for a in (X, y, w_star))
    R = np.max(np.linalg.norm(X, axis=0))
    gamma = np.min(y * (X @ w_star)) / np.linalg.norm(w_star)
    return float((R / gamma) ** 2)


FIX = "one norm per point (row): np.linalg.norm(X, axis=1).max()"
