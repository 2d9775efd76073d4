"""γ was not squared in Novikoff's bound (R²/γ)"""

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import novikoff_bound as _bound


def novikoff_bound(X, y, w_star):
    _bound(X, y, w_star)  # the reference's checks (a w* that does not separate raises)
    X, y, w_star = (np.asarray(a, dtype=np.float64) for a in (X, y, w_star))
    R = np.linalg.norm(X, axis=1).max()
    gamma = np.min(y * (X @ w_star)) / np.linalg.norm(w_star)
    return float(R**2 / gamma)


FIX = "the bound is (R/γ)² = R²/γ²"
