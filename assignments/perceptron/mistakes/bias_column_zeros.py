"""the bias column holds zeros instead of ones"""

import numpy as np

from reference.perceptron import *  # noqa: F403


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    return np.hstack([X, np.zeros((X.shape[0], 1))])


FIX = "append a column of ONES: np.hstack([X, np.ones((n, 1))])"
