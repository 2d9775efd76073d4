"""the bound is inverted: (γ/R)² instead of (R/γ)²"""

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import novikoff_bound as _bound


def novikoff_bound(X, y, w_star):
    _bound(X, y, w_star)  # the reference's checks (a w* that does not separate raises)
    X, y, w_star = (np.asarray(a, dtype=np.float64) for a in (X, y, w_star))
    R = np.max(np.linalg.norm(X, axis=1))
    gamma = np.min(y * (X @ w_star)) / np.linalg.norm(w_star)
    return float((gamma / R) ** 2)


FIX = "return (R / γ)**2: a small margin γ means MORE updates"
