"""The perceptron with numpy masked arrays: the misclassified samples are a mask, the margins
and the scores are masked where they do not count, plain arrays come back at the API boundary.

Correct solution (style: maskedarray).
"""

import numpy as np
import numpy.ma as ma


def two_gaussians(n_per_class, seed):
    """Provided: two Gaussian clouds, rows interleaved, bias column last."""
    rng = np.random.default_rng(seed)
    positive = rng.normal(0.0, 1.0, size=(n_per_class, 2))
    negative = rng.normal(3.0, 1.0, size=(n_per_class, 2))
    points = np.empty((2 * n_per_class, 2))
    points[0::2] = positive
    points[1::2] = negative
    y = np.empty(2 * n_per_class, dtype=int)
    y[0::2] = 1
    y[1::2] = -1
    return np.hstack([points, np.ones((2 * n_per_class, 1))]), y


def add_bias(X):
    """[X | 1]: a column of ones appended last."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    bias = ma.masked_all((X.shape[0], 1))            # an empty column, filled with the input 1
    return ma.concatenate([ma.masked_array(X), bias], axis=1).filled(1.0)


def train_perceptron(X, y, w, epochs):
    """Perceptron epochs over the rows in order until an epoch without updates."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError("y must have one label per row of X")
    bad = ma.masked_where((y == 1) | (y == -1), y)
    if bad.count() > 0:
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError("w must have one entry per column of X")
    changes = []
    for _ in range(epochs):
        updated = ma.masked_all(n, dtype=bool)  # unmasked: the samples that caused an update
        for i in range(n):
            if y[i] * (w @ X[i]) <= 0:
                w = w + y[i] * X[i]
                updated[i] = True
        changes.append(int(updated.count()))
        if updated.count() == 0:
            break
    return w, changes


def predict(w, X):
    """+1 where w.x > 0, else -1."""
    scores = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    positive = ma.masked_greater(scores, 0.0)
    return np.where(ma.getmaskarray(positive), 1, -1)


def novikoff_bound(X, y, w_star):
    """(R / gamma)^2 for the separator w_star."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = np.linalg.norm(w_star)
    if norm == 0:
        raise ValueError("w_star is zero")
    margins = ma.masked_invalid(y * (X @ w_star) / norm)
    gamma = float(margins.min())
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    R = float(ma.sqrt((X * X).sum(axis=1)).max())
    return float((R / gamma) ** 2)


def xor_features(X):
    """(x_u, x_v, x_u x_v) row-wise."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must have shape (n, 2)")
    return np.column_stack([X[:, 0], X[:, 1], X[:, 0] * X[:, 1]])
