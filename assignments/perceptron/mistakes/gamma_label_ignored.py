"""γ uses |w*·xᵢ| (the label is ignored), so a w* that does not separate the data is not rejected"""

import numpy as np

from reference.perceptron import *  # noqa: F403


def novikoff_bound(X, y, w_star):
    X, w_star = np.asarray(X, dtype=np.float64), np.asarray(w_star, dtype=np.float64)
    R = np.linalg.norm(X, axis=1).max()
    gamma = np.min(np.abs(X @ w_star)) / np.linalg.norm(w_star)
    return float((R / gamma) ** 2)


FIX = "γ = minᵢ yᵢ(w*·xᵢ)/‖w*‖ with the labels; raise ValueError when γ <= 0"
