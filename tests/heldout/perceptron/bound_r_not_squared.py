"""heldout: Novikoff bound R / gamma**2"""

import numpy as np

from reference.perceptron import *  # noqa: F403


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, float); y = np.asarray(y, float); w_star = np.asarray(w_star, float)
    R = max(np.linalg.norm(row) for row in X)
    gamma = min(y * (X @ w_star)) / np.linalg.norm(w_star)
    if gamma <= 0:
        raise ValueError("not separating")
    return float(R / gamma ** 2)
