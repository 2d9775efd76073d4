"""Operator precedence: R / gamma ** 2 instead of (R / gamma) ** 2, so only gamma is squared and
the bound is off by a factor R.

Mistake in `novikoff_bound`; edited from correct_pure.py.
"""

import math

import numpy as np


def _dot(a, b):
    return sum(p * q for p, q in zip(a, b))


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    rows = [row + [1.0] for row in X.tolist()]
    return np.array(rows, dtype=np.float64).reshape(X.shape[0], X.shape[1] + 1)


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    n, d = X.shape
    y = np.asarray(y)
    if y.shape != (n,):
        raise ValueError("y must have one label per row of X")
    for label in y.tolist():
        if label not in (-1, 1):
            raise ValueError("labels must be -1 or +1")
    w0 = np.asarray(w, dtype=np.float64)
    if w0.shape != (d,):
        raise ValueError("w must have one weight per column of X")
    rows = X.tolist()
    labels = y.tolist()
    weights = w0.tolist()
    changes = []
    for _epoch in range(epochs):
        updates = 0
        for row, label in zip(rows, labels):
            if label * _dot(weights, row) <= 0:
                weights = [a + label * b for a, b in zip(weights, row)]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return np.array(weights, dtype=np.float64), changes


def predict(w, X):
    weights = np.asarray(w, dtype=np.float64).tolist()
    rows = np.asarray(X, dtype=np.float64).tolist()
    return np.array([1 if _dot(weights, row) > 0 else -1 for row in rows], dtype=int)


def novikoff_bound(X, y, w_star):
    rows = np.asarray(X, dtype=np.float64).tolist()
    labels = np.asarray(y, dtype=np.float64).tolist()
    ws = np.asarray(w_star, dtype=np.float64).tolist()
    norm = math.sqrt(_dot(ws, ws))
    if norm == 0:
        raise ValueError("w_star is zero")
    R = max(math.sqrt(_dot(row, row)) for row in rows)
    gamma = min(label * _dot(ws, row) for row, label in zip(rows, labels)) / norm
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float(R / gamma ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must be (n, 2)")
    return np.array([[u, v, u * v] for u, v in X.tolist()], dtype=np.float64).reshape(-1, 3)
