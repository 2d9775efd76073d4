"""squared_loss_grad flattens {what}: column vectors w (d, 1), y (n, 1) broadcast to (n, n)

With column vectors the residual Xw − y broadcasts (n,) against (n, 1) to an (n, n) matrix.

A family (grader.run.catalogue: PARAMS): .ravel()/.flatten() on one of the arrays, right for
1-D w and y only."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403

PARAMS = {"what": ("w", "y", "the residual", "w and y, and returns a flat gradient")}
what = "w"


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if what == "w":
        r = X @ w.ravel() - y
    elif what == "y":
        r = X @ w - y.ravel()
    elif what == "the residual":
        r = (X @ w - y).ravel()
    else:
        r = X @ w.ravel() - y.ravel()
    return X.T @ r / X.shape[0]


FIX = "keep the shapes: r = X @ w - y, gradient X.T @ r / n has the shape of w"
