"""the 1/N averaging is missing

squared_loss_grad returns Xᵀ(Xw − y) without dividing by n."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    return X.T @ (X @ w - y)


FIX = "divide Xᵀ(Xw − y) by n"
