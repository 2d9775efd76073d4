"""R is taken as the largest absolute entry of X instead of the largest row norm.

That is the infinity norm of the rows, which is smaller than the Euclidean norm, so the bound is
too small.

Single mistake in novikoff_bound; written from correct_asserts.
"""

import numpy as np


def add_bias(X):
    """[X | 1]: a column of ones appended as the last column."""
    X = np.asarray(X, dtype=float)
    try:
        assert X.ndim == 2, "X must be 2-D"
    except AssertionError as err:
        raise ValueError(str(err)) from None
    return np.hstack([X, np.ones((X.shape[0], 1))])


def train_perceptron(X, y, w, epochs):
    """The lecture's rule, sweeping the rows in order; returns (w, changes)."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    w = np.array(w, dtype=float)
    try:
        assert X.ndim == 2, "X must be 2-D"
        assert y.shape == (X.shape[0],), "y must have one label per row of X"
        assert np.all((y == 1) | (y == -1)), "labels must be -1 or +1"
        assert w.shape == (X.shape[1],), "w must have one weight per column of X"
    except AssertionError as err:
        raise ValueError(str(err)) from None

    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(X.shape[0]):
            if y[i] * np.dot(w, X[i]) <= 0:
                w = w + y[i] * X[i]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    """+1 where w.x > 0, else -1."""
    scores = np.asarray(X, dtype=float) @ np.asarray(w, dtype=float)
    return np.where(scores > 0, 1, -1)


def novikoff_bound(X, y, w_star):
    """(R / gamma)^2 with R the largest row norm and gamma the normalised margin of w_star."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w_star = np.asarray(w_star, dtype=float)
    norm = np.linalg.norm(w_star)
    try:
        assert norm > 0, "w_star is zero"
    except AssertionError as err:
        raise ValueError(str(err)) from None
    R = np.max(np.abs(X))
    gamma = np.min(y * (X @ w_star)) / norm
    try:
        assert gamma > 0, "w_star does not separate the data"
    except AssertionError as err:
        raise ValueError(str(err)) from None
    return float((R / gamma) ** 2)


def xor_features(X):
    """(x_u, x_v, x_u * x_v) row-wise."""
    X = np.asarray(X, dtype=float)
    try:
        assert X.ndim == 2 and X.shape[1] == 2, "X must have shape (n, 2)"
    except AssertionError as err:
        raise ValueError(str(err)) from None
    return np.column_stack([X[:, 0], X[:, 1], X[:, 0] * X[:, 1]])
