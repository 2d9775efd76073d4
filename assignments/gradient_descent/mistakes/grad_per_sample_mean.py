"""the gradient is ((Xw − y)[:, None]·X).mean(axis=0): right for 1-D w, wrong for column vectors"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    residual = X @ w - y
    return (np.asarray(residual)[:, None] * X).mean(axis=0)


FIX = "X.T @ (X @ w − y) / n works for 1-D and column vectors alike"
