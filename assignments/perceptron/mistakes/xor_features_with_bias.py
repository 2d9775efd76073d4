"""xor_features also appends a bias column: (x_u, x_v, x_u·x_v, 1), shape (n, 4) instead of (n, 3)"""

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import xor_features as _xor_features


def xor_features(X):
    F = _xor_features(X)
    return np.hstack([F, np.ones((F.shape[0], 1))])


FIX = "return only φ = (x_u, x_v, x_u·x_v); add_bias appends the bias column afterwards"
