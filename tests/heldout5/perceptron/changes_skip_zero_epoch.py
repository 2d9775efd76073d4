"""The epoch count is appended only after the stopping check, so the final epoch with 0 updates is
not recorded: changes never ends with 0 when training converges.

Edited from correct_numpy.py.
"""

import numpy as np


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    return np.concatenate([X, np.ones((len(X), 1))], axis=1)


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2 or y.shape != (X.shape[0],) or np.shape(w) != (X.shape[1],):
        raise ValueError("X (n, d), y (n,) and w (d,) do not fit together")
    if not np.all(np.abs(y) == 1):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    changes = []
    for _ in range(epochs):
        updates = 0
        for xi, yi in zip(X, y):
            if yi * xi.dot(w) <= 0:
                w += yi * xi
                updates += 1
        if not updates:
            break
        changes.append(updates)
    return w, changes


def predict(w, X):
    scores = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    return np.where(scores > 0, 1, -1).astype(int)


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    R = np.linalg.norm(X, axis=1).max()
    gamma = (np.asarray(y) * (X @ w_star)).min() / np.linalg.norm(w_star)
    if not gamma > 0:
        raise ValueError("w_star does not separate the data (margin <= 0)")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    return np.hstack([X, X[:, :1] * X[:, 1:2]])
