"""Typo ** for *: the third feature is x_u ** x_v instead of x_u * x_v, so (0, 0) gives 1 instead
of 0, (1, 0) gives 1, and a negative x_u with a fractional x_v gives nan (with a
RuntimeWarning).

Mistake in `xor_features`; written in the style of correct_generator.py.
"""

from itertools import chain

import numpy as np


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array (n, d)")
    n, d = X.shape
    flat = chain.from_iterable(chain(row, (1.0,)) for row in X)
    return np.fromiter(flat, dtype=np.float64, count=n * (d + 1)).reshape(n, d + 1)


def _epochs(X, y, w, epochs):
    for _ in range(epochs):
        updates = 0
        for x_i, y_i in zip(X, y):
            if y_i * (w @ x_i) <= 0:
                w = w + y_i * x_i
                updates += 1
        yield w, updates


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array (n, d)")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError("y must have one label per row of X")
    if not all(label in (-1, 1) for label in y):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError("w must have one weight per column of X")
    changes = []
    trained = w
    for trained, updates in _epochs(X, y, w, epochs):
        changes.append(updates)
        if updates == 0:
            break
    return trained, changes


def predict(w, X):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    return np.fromiter((1 if row @ w > 0 else -1 for row in X), dtype=int, count=len(X))


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = np.linalg.norm(w_star)
    if norm == 0:
        raise ValueError("w_star is zero: it separates nothing")
    R = max(np.linalg.norm(row) for row in X)
    gamma = min(y_i * (row @ w_star) for row, y_i in zip(X, y)) / norm
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must have shape (n, 2)")
    rows = ((u, v, u ** v) for u, v in X)
    return np.fromiter(chain.from_iterable(rows), dtype=np.float64, count=3 * len(X)).reshape(-1, 3)
