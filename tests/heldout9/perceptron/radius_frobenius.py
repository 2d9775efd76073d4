"""R is the norm of the whole matrix X (the root of the sum of ALL squared entries) instead of the largest row norm max_i ||x_i||: the bound grows with the number of samples.

Graded function: novikoff_bound. Edited from correct_helpers.py.
"""

import numpy as np


def _check(X, y, w):
    if X.ndim != 2 or y.shape != (X.shape[0],) or w.shape != (X.shape[1],):
        raise ValueError("shapes of X, y and w disagree")
    if not np.all(np.abs(y) == 1) or not np.all(np.isin(y, [-1, 1])):
        raise ValueError("labels must be +1 or -1")


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    return np.pad(X, ((0, 0), (0, 1)), constant_values=1.0)


def _epoch(X, y, w):
    updates = 0
    for i in range(X.shape[0]):
        if y[i] * (X[i] @ w) <= 0:
            w = w + y[i] * X[i]
            updates += 1
    return w, updates


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    w = np.array(w, dtype=np.float64)
    _check(X, y, w)
    changes = []
    epoch = 0
    while epoch < epochs:
        w, updates = _epoch(X, y, w)
        changes.append(updates)
        epoch += 1
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    scores = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    return (scores > 0).astype(int) * 2 - 1


def _row_norms(X):
    return np.sqrt((X**2).sum(axis=1))


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    size = np.sqrt(w_star @ w_star)
    if size == 0:
        raise ValueError("w_star is zero")
    R = np.sqrt((X**2).sum())
    gamma = (y * (X @ w_star)).min() / size
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must be (n, 2)")
    return np.hstack([X, X.prod(axis=1, keepdims=True)])
