"""R/γ was not squared

novikoff_bound returns R/γ."""

import numpy as np

from reference.perceptron import *  # noqa: F403


def novikoff_bound(X, y, w_star):
    R = np.max(np.linalg.norm(X, axis=1))
    gamma = np.min(y * (X @ w_star)) / np.linalg.norm(w_star)
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return R / gamma


FIX = "return (R/γ)²"
