"""the two input columns were swapped: (x_v, x_u, x_u·x_v) instead of (x_u, x_v, x_u·x_v)"""

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import xor_features as _xor_features


def xor_features(X):
    F = _xor_features(X)
    return F[:, [1, 0, 2]]


FIX = "keep the inputs in their order: np.column_stack([X[:, 0], X[:, 1], X[:, 0] * X[:, 1]])"
