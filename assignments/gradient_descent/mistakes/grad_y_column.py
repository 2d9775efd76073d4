"""y was reshaped to a column while w stayed 1-D (Xw − y broadcasts to an n × n matrix)

squared_loss_grad writes y = y.reshape(-1, 1): with w of shape (d,), Xw (n,) − y (n, 1) is an
(n, n) matrix and the "gradient" comes back (d, n)."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64).reshape(-1, 1)
    r = X @ np.asarray(w, dtype=np.float64) - y
    return X.T @ r / X.shape[0]


FIX = "in squared_loss_grad keep y and Xw the same shape (both (n,) or both (n, 1))"
