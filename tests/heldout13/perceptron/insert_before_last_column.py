"""The ones are added with np.insert at index d - 1, which inserts BEFORE that column: the column
of ones ends up second to last, in front of the last feature, instead of as the last column.

Mistake in `add_bias`; written in the style of correct_recursive.py.
"""

from functools import reduce

import numpy as np


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array (n, d)")
    return np.insert(X, X.shape[1] - 1, 1.0, axis=1)


def _update(state, sample):
    w, updates = state
    x_i, y_i = sample
    if y_i * np.dot(w, x_i) <= 0:
        return w + y_i * x_i, updates + 1
    return w, updates


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array (n, d)")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError("y must have one label per row of X")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError("w must have one weight per column of X")
    changes = []
    for _ in range(epochs):
        w, updates = reduce(_update, zip(X, y), (w, 0))
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    scores = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    return np.where(scores > 0, 1, -1)


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = float(np.sqrt(w_star @ w_star))
    if norm == 0:
        raise ValueError("w_star is zero: it separates nothing")
    R = reduce(lambda r, row: max(r, float(np.sqrt(row @ row))), X, 0.0)
    gamma = reduce(lambda g, s: min(g, s[1] * float(s[0] @ w_star)), zip(X, y), np.inf) / norm
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must have shape (n, 2)")
    extra = [X[:, 0] * X[:, 1]]
    return reduce(lambda acc, col: np.column_stack([acc, col]), extra, X.copy())
