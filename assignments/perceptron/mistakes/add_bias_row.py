"""add_bias appends a ROW of ones (axis=0) instead of a column"""

import numpy as np

from reference.perceptron import *  # noqa: F403


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    return np.vstack([X, np.ones((1, X.shape[1]))])


FIX = "one bias input per point: a column, np.hstack([X, np.ones((n, 1))])"
