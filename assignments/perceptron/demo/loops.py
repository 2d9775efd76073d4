"""loop-based rewrite

A demo student who writes every step with explicit Python loops instead of numpy expressions."""

import math

import numpy as np

from reference.perceptron import *  # noqa: F403


def add_bias(X):
    rows = []
    for row in X:
        rows.append([float(v) for v in row] + [1.0])
    return np.array(rows, dtype=float).reshape(len(X), -1)


def _dot(a, b):
    total = 0.0
    for i in range(len(a)):
        total += a[i] * b[i]
    return total


def train_perceptron(X, y, w, epochs):
    n = len(X)
    if len(y) != n:
        raise ValueError("X and y must have the same number of rows")
    for label in y:
        if label != 1 and label != -1:
            raise ValueError("labels must be -1 or +1")
    w = [float(v) for v in w]
    d = len(w)
    for row in X:
        if len(row) != d:
            raise ValueError("w and the rows of X must have the same length")
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(n):
            if y[i] * _dot(w, X[i]) <= 0:
                for j in range(d):
                    w[j] = w[j] + y[i] * X[i][j]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return np.array(w), changes


def predict(w, X):
    out = []
    for row in X:
        out.append(1 if _dot(w, row) > 0 else -1)
    return np.array(out, dtype=int)


def novikoff_bound(X, y, w_star):
    norm_w = math.sqrt(_dot(w_star, w_star))
    if norm_w == 0:
        raise ValueError("w_star is zero")
    R = 0.0
    gamma = math.inf
    for i in range(len(X)):
        R = max(R, math.sqrt(_dot(X[i], X[i])))
        gamma = min(gamma, y[i] * _dot(w_star, X[i]) / norm_w)
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return (R / gamma) ** 2


def xor_features(X):
    rows = []
    for u, v in X:
        rows.append([float(u), float(v), float(u) * float(v)])
    return np.array(rows, dtype=float).reshape(len(X), 3)
