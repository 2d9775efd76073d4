"""Typo in the third feature: u * u instead of u * v, so the map is (u, v, u^2) = (u, v, u) on 0/1 inputs and XOR stays non-separable.

Graded function: xor_features. Edited from correct_functional.py.
"""

import math

import numpy as np


def _dot(a, b):
    return sum(p * q for p, q in zip(a, b))


def add_bias(X):
    A = np.asarray(X, dtype=float)
    if A.ndim != 2:
        raise ValueError("X must be 2-D")
    rows = [list(row) + [1.0] for row in A.tolist()]
    return np.array(rows, dtype=float).reshape(A.shape[0], A.shape[1] + 1)


def train_perceptron(X, y, w, epochs):
    rows = np.asarray(X, dtype=float)
    labels = np.asarray(y)
    if rows.ndim != 2 or labels.shape != (rows.shape[0],):
        raise ValueError("X and y do not fit")
    if not all(lab in (-1, 1) for lab in labels.tolist()):
        raise ValueError("labels must be -1 or +1")
    weights = np.asarray(w, dtype=float)
    if weights.shape != (rows.shape[1],):
        raise ValueError("w does not fit X")
    w_list = weights.tolist()
    data = list(zip(rows.tolist(), labels.tolist()))
    changes = []
    for _ in range(epochs):
        count = 0
        for x_i, y_i in data:
            if y_i * _dot(w_list, x_i) <= 0:
                w_list = [wj + y_i * xj for wj, xj in zip(w_list, x_i)]
                count += 1
        changes.append(count)
        if count == 0:
            break
    return np.array(w_list, dtype=float), changes


def predict(w, X):
    w_list = np.asarray(w, dtype=float).tolist()
    rows = np.asarray(X, dtype=float).tolist()
    return np.array([1 if _dot(w_list, row) > 0 else -1 for row in rows], dtype=int)


def novikoff_bound(X, y, w_star):
    rows = np.asarray(X, dtype=float).tolist()
    labels = np.asarray(y, dtype=float).tolist()
    ws = np.asarray(w_star, dtype=float).tolist()
    norm = math.sqrt(sum(v * v for v in ws))
    if norm == 0:
        raise ValueError("w_star is zero")
    R = max(math.sqrt(sum(v * v for v in row)) for row in rows)
    gamma = min(y_i * _dot(ws, row) for row, y_i in zip(rows, labels)) / norm
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    A = np.asarray(X, dtype=float)
    if A.ndim != 2 or A.shape[1] != 2:
        raise ValueError("X must be (n, 2)")
    return np.array([[u, v, u * u] for u, v in A.tolist()], dtype=float).reshape(-1, 3)
