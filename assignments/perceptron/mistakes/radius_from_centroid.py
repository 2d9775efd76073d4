"""R is measured from the data's centroid (X − mean) instead of from the origin"""

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import novikoff_bound as _bound


def novikoff_bound(X, y, w_star):
    _bound(X, y, w_star)  # the reference's checks (a w* that does not separate raises)
    X, y, w_star = (np.asarray(a, dtype=np.float64) for a in (X, y, w_star))
    R = np.linalg.norm(X - X.mean(axis=0), axis=1).max()
    gamma = np.min(y * (X @ w_star)) / np.linalg.norm(w_star)
    return float((R / gamma) ** 2)


FIX = "R = maxᵢ ‖xᵢ‖, the radius of a ball about 0 (the perceptron starts at w = 0)"
