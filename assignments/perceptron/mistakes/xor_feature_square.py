"""the third feature uses x_u twice (x_u·x_u) instead of x_u·x_v"""

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import xor_features as _xor_features


def xor_features(X):
    _xor_features(X)  # the reference's check of the shape
    X = np.asarray(X, dtype=np.float64)
    u, v = X[:, 0], X[:, 1]
    return np.column_stack([u, v, u * u])


FIX = "the third feature is the product of the two coordinates: X[:, 0] * X[:, 1]"
