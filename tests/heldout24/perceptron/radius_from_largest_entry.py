"""(fractions) R^2 takes the largest squared ENTRY of each row (max where sum is meant) instead of
the sum of its squares: R becomes the largest absolute coordinate (the max-norm) rather than the
Euclidean norm of the longest row, so the bound comes out too small whenever rows have more than
one non-zero entry (with the bias column, always).

Mistake in `novikoff_bound`, written from correct_fractions.py.
"""

from fractions import Fraction

import numpy as np


def two_gaussians(n_per_class, seed):
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


def _exact(v):
    return Fraction(float(v))


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    out = np.ones((X.shape[0], X.shape[1] + 1))
    out[:, :-1] = X
    return out


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2 or y.shape != (X.shape[0],):
        raise ValueError(f"shapes disagree: X {X.shape}, y {y.shape}")
    if any(_exact(v) not in (1, -1) for v in y):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (X.shape[1],):
        raise ValueError(f"w must have shape ({X.shape[1]},), got {w.shape}")
    changes = []
    for _ in range(int(epochs)):
        updates = 0
        for x_i, y_i in zip(X, y):
            if y_i * (w @ x_i) <= 0:
                w = w + y_i * x_i
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    scores = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    return np.array([1 if s > 0 else -1 for s in scores], dtype=int)


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    rows = [[_exact(v) for v in row] for row in X]
    ws = [_exact(v) for v in np.asarray(w_star, dtype=np.float64)]
    norm2 = sum(v * v for v in ws)
    if norm2 == 0:
        raise ValueError("w_star is zero")
    R2 = max(max(v * v for v in row) for row in rows)
    margins = [_exact(y_i) * sum(a * b for a, b in zip(ws, row)) for y_i, row in zip(y, rows)]
    m = min(margins)
    if m <= 0:
        raise ValueError("w_star does not separate the data")
    return float(R2 * norm2 / (m * m))


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    products = [float(_exact(u) * _exact(v)) for u, v in X]
    return np.column_stack([X[:, 0], X[:, 1], np.array(products, dtype=np.float64)])
