"""R instead of R² in Novikoff's bound (R/γ²)"""

import numpy as np

from reference.perceptron import *  # noqa: F403


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64); y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    R = np.max(np.linalg.norm(X, axis=1))
    gamma = np.min(y * (X @ w_star)) / np.linalg.norm(w_star)
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float(R / gamma ** 2)


FIX = "the bound is (R/γ)² = R²/γ²"
