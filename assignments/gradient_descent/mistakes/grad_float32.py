"""the gradient is computed in float32 (a dtype downcast)"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float32)
    r = X @ np.asarray(w, dtype=np.float32) - np.asarray(y, dtype=np.float32)
    return X.T @ r / X.shape[0]


FIX = "compute in float64: np.asarray(X, dtype=float)"
