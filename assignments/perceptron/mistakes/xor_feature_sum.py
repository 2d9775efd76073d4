"""the third feature is x_u + x_v instead of x_u·x_v"""

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import xor_features as _xor_features


def xor_features(X):
    _xor_features(X)  # the reference's check of the shape
    X = np.asarray(X, dtype=np.float64)
    u, v = X[:, 0], X[:, 1]
    return np.column_stack([u, v, u + v])


FIX = "φ(x_u, x_v) = (x_u, x_v, x_u·x_v): multiply, do not add"
