"""The separation test is gamma < 0 instead of gamma <= 0: a w* with a point ON its hyperplane
(gamma = 0) is not rejected with ValueError, and (R/gamma)^2 then divides by zero
(ZeroDivisionError).

Mistake in `novikoff_bound`; written in the style of correct_comprehension.py.
"""

import math

import numpy as np


def _dot(a, b):
    return sum(ai * bi for ai, bi in zip(a, b))


def add_bias(X):
    if np.ndim(X) != 2:
        raise ValueError("X must be a 2-D array")
    rows = np.asarray(X, dtype=float).tolist()
    return np.array([row + [1.0] for row in rows], dtype=float).reshape(len(rows), -1)


def train_perceptron(X, y, w, epochs):
    if np.ndim(X) != 2:
        raise ValueError("X must be 2-D")
    rows = np.asarray(X, dtype=float).tolist()
    labels = np.asarray(y).tolist()
    n = len(rows)
    d = np.shape(X)[1]
    if np.ndim(y) != 1 or len(labels) != n:
        raise ValueError("y must have length n")
    if any(label not in (-1, 1) for label in labels):
        raise ValueError("labels must be +1 or -1")
    weights = [float(v) for v in np.asarray(w, dtype=float).ravel()]
    if np.shape(w) != (d,):
        raise ValueError("w must have length d")
    changes = []
    for _ in range(epochs):
        updates = 0
        for row, label in zip(rows, labels):
            if label * _dot(weights, row) <= 0:
                weights = [wj + label * xj for wj, xj in zip(weights, row)]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return np.array(weights, dtype=float), changes


def predict(w, X):
    weights = np.asarray(w, dtype=float).tolist()
    rows = np.asarray(X, dtype=float).tolist()
    return np.array([1 if _dot(weights, row) > 0 else -1 for row in rows], dtype=int)


def novikoff_bound(X, y, w_star):
    rows = np.asarray(X, dtype=float).tolist()
    labels = np.asarray(y, dtype=float).tolist()
    weights = np.asarray(w_star, dtype=float).tolist()
    norm = math.sqrt(_dot(weights, weights))
    if norm == 0:
        raise ValueError("w_star is zero")
    R = max(math.sqrt(_dot(row, row)) for row in rows)
    gamma = min(label * _dot(weights, row) for row, label in zip(rows, labels)) / norm
    if gamma < 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    if np.ndim(X) != 2 or np.shape(X)[1] != 2:
        raise ValueError("X must have shape (n, 2)")
    rows = np.asarray(X, dtype=float).tolist()
    return np.array([[u, v, u * v] for u, v in rows], dtype=float).reshape(len(rows), 3)
