"""the sign is flipped

squared_loss_grad computes Xᵀ(y − Xw)/n, the negative gradient."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    return X.T @ (y - X @ w) / X.shape[0]


FIX = "the residual is Xw − y, not y − Xw"
