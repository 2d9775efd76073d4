"""γ was taken as the largest margin instead of the smallest"""

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import novikoff_bound as _novikoff_bound


def novikoff_bound(X, y, w_star):
    _novikoff_bound(X, y, w_star)  # the reference's checks (raises for γ <= 0)
    X, y = np.asarray(X, dtype=np.float64), np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    R = np.max(np.linalg.norm(X, axis=1))
    gamma = np.max(y * (X @ w_star)) / np.linalg.norm(w_star)
    return float((R / gamma) ** 2)


FIX = "γ = minᵢ yᵢ(w*·xᵢ)/‖w*‖: the worst-placed point sets the margin"
