"""add_bias appends a column of −1 (the threshold-as-weight-on-−1 convention) instead of +1"""

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import add_bias as _add_bias


def add_bias(X):
    _add_bias(X)  # the reference's checks (X must be 2-D)
    X = np.asarray(X, dtype=np.float64)
    return np.hstack([X, -np.ones((X.shape[0], 1))])


FIX = "append a column of +1: np.hstack([X, np.ones((len(X), 1))])"
