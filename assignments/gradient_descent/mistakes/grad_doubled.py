"""the gradient of (1/2n)‖Xw − y‖² has an extra factor 2 ((2/n)·Xᵀr)"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    r = X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)
    return 2 * X.T @ r / X.shape[0]


FIX = "the ½ cancels the 2: g = Xᵀ(Xw − y)/n"
