"""the squared-loss gradient is divided by {div} instead of n (the number of rows of X)

A family (grader.run.catalogue: PARAMS): the mean taken over the wrong count."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403

PARAMS = {"div": {"n − 1": lambda n, d: n - 1, "2n": lambda n, d: 2 * n,
                  "d (the number of features)": lambda n, d: d, "n·d": lambda n, d: n * d,
                  "nothing (a sum)": lambda n, d: 1, "n²": lambda n, d: n * n,
                  "n / 2 (a factor 2 kept from the square)": lambda n, d: n / 2}}
div = PARAMS["div"]["n − 1"]


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    r = X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)
    return X.T @ r / div(X.shape[0], X.shape[1])


FIX = "average over the samples: X.T @ (X @ w − y) / n with n = X.shape[0]"
