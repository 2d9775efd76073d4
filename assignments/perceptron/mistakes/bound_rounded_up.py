"""the bound is rounded up to a whole number: math.ceil((R/γ)²)"""

import math

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import novikoff_bound as _bound


def novikoff_bound(X, y, w_star):
    _bound(X, y, w_star)  # the reference's checks (a w* that does not separate raises)
    X, y, w_star = (np.asarray(a, dtype=np.float64) for a in (X, y, w_star))
    R = np.linalg.norm(X, axis=1).max()
    gamma = np.min(y * (X @ w_star)) / np.linalg.norm(w_star)
    return float(math.ceil((R / gamma) ** 2))


FIX = "return (R/γ)² as it is, a float: it bounds the updates, it is not a count"
