"""No ValueError for labels other than +-1: 0/1 labels are accepted and silently trained on (a 0
label always counts as a mistake but never moves w).

One edit of correct_loops.py (held-out batch 4).
"""

import math

import numpy as np


def add_bias(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    rows = []
    for row in X:
        rows.append(list(row) + [1.0])
    return np.array(rows, dtype=float).reshape(X.shape[0], X.shape[1] + 1)


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or y.shape != (X.shape[0],) or np.shape(w) != (X.shape[1],):
        raise ValueError("shapes of X, y and w disagree")
    w = [float(v) for v in w]
    changes = []
    for _ in range(epochs):
        count = 0
        for i in range(X.shape[0]):
            activation = sum(w[j] * X[i, j] for j in range(len(w)))
            if y[i] * activation <= 0:
                for j in range(len(w)):
                    w[j] += y[i] * X[i, j]
                count += 1
        changes.append(count)
        if count == 0:
            break
    return np.array(w, dtype=float), changes


def predict(w, X):
    X = np.asarray(X, dtype=float)
    out = []
    for row in X:
        activation = sum(wj * xj for wj, xj in zip(w, row))
        out.append(1 if activation > 0 else -1)
    return np.array(out, dtype=int)


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=float)
    norm_w = math.sqrt(sum(v * v for v in w_star))
    if norm_w == 0:
        raise ValueError("w_star is zero")
    R = 0.0
    gamma = math.inf
    for row, label in zip(X, y):
        R = max(R, math.sqrt(sum(v * v for v in row)))
        margin = label * sum(a * b for a, b in zip(w_star, row)) / norm_w
        gamma = min(gamma, margin)
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must have shape (n, 2)")
    return np.array([[u, v, u * v] for u, v in X], dtype=float).reshape(X.shape[0], 3)
