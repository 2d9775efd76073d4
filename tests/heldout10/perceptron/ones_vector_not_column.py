"""add_bias concatenates a 1-D vector of ones, np.ones(n), with the 2-D X: the arrays have
different numbers of dimensions and np.concatenate raises instead of adding a column.

Mistake in `add_bias`; edited from correct_matmul.py.
"""

import numpy as np


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    n = X.shape[0]
    return np.concatenate([X, np.ones(n)], axis=1)


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or len(y) != len(X):
        raise ValueError("X must be (n, d) and y (n,)")
    if not np.isin(y, (-1, 1)).all():
        raise ValueError("labels must be +1/-1")
    n = X.shape[0]
    d = X.shape[1]
    w = np.array(w, dtype=np.float64, copy=True)
    if w.shape != (d,):
        raise ValueError("w must have shape (d,)")
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(n):
            if y[i] * np.matmul(X[i], w) <= 0:
                w = w + y[i] * X[i]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    return np.where(np.matmul(X, w) > 0, 1, -1).astype(int)


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = np.sqrt(np.sum(w_star**2))
    if norm == 0:
        raise ValueError("w_star is zero")
    R = np.sqrt((X * X).sum(axis=1)).max()
    gamma = (y * np.matmul(X, w_star)).min() / norm
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must be (n, 2)")
    return np.stack([X[:, 0], X[:, 1], X[:, 0] * X[:, 1]], axis=1)
