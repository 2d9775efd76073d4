"""the third feature is the XOR label |x_u − x_v| instead of x_u·x_v"""

import numpy as np

from reference.perceptron import *  # noqa: F403


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must have shape (n, 2)")
    return np.column_stack([X[:, 0], X[:, 1], np.abs(X[:, 0] - X[:, 1])])


FIX = "φ(x_u, x_v) = (x_u, x_v, x_u·x_v)"
