"""np.append without axis= flattened X (add_bias returns a 1-D array)"""

import numpy as np

from reference.perceptron import *  # noqa: F403


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    return np.append(X, np.ones((X.shape[0], 1)))


FIX = "append a column: np.hstack([X, np.ones((n, 1))]) or np.append(X, ones, axis=1)"
