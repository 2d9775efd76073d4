"""the gradient is divided by d (the number of features) instead of n (the number of samples)"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    r = X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)
    return X.T @ r / X.shape[1]


FIX = "divide by n = X.shape[0], the number of samples"
