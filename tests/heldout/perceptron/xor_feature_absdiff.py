"""heldout: third feature |x_u - x_v| (the XOR label itself)"""

import numpy as np

from reference.perceptron import *  # noqa: F403


def xor_features(X):
    X = np.asarray(X, float)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("shape")
    return np.column_stack([X, np.abs(X[:, 0] - X[:, 1])])
