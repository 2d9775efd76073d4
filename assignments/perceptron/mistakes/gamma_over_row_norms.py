"""γ divides each margin by ‖xᵢ‖ too (a cosine) instead of by ‖w*‖ alone"""

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import novikoff_bound as _bound


def novikoff_bound(X, y, w_star):
    _bound(X, y, w_star)  # the reference's checks (a w* that does not separate raises)
    X, y, w_star = (np.asarray(a, dtype=np.float64) for a in (X, y, w_star))
    R = np.linalg.norm(X, axis=1).max()
    gamma = np.min(y * (X @ w_star) / np.linalg.norm(X, axis=1)) / np.linalg.norm(w_star)
    return float((R / gamma) ** 2)


FIX = "γ = minᵢ yᵢ(w*·xᵢ)/‖w*‖: the distance of xᵢ to the hyperplane, not the cosine"
