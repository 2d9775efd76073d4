"""the bias column was put first instead of last

add_bias prepends the column of ones."""

import numpy as np

from reference.perceptron import *  # noqa: F403


def add_bias(X):
    X = np.asarray(X, dtype=float)
    return np.hstack([np.ones((X.shape[0], 1)), X])


FIX = "append the column of ones as the LAST column"
