"""the result is transposed

squared_loss_grad computes (Xw − y)ᵀX / n: right for 1-D w, a row instead of a column for
w of shape (d, 1)."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    return (X @ w - y).T @ X / X.shape[0]


FIX = "the gradient has w's shape: Xᵀ r, not rᵀ X"
