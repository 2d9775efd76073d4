"""γ was not divided by ‖w*‖

novikoff_bound uses the raw margin minᵢ yᵢ(w*·xᵢ)."""

import numpy as np

from reference.perceptron import *  # noqa: F403


def novikoff_bound(X, y, w_star):
    R = np.max(np.linalg.norm(X, axis=1))
    gamma = np.min(y * (X @ w_star))
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return (R / gamma) ** 2


FIX = "γ = minᵢ yᵢ(w*·xᵢ) / ‖w*‖"
