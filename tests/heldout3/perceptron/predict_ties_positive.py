"""predict returns +1 when w·x = 0 (uses >= 0); a point on the boundary must be −1.

One mistake: written for held-out batch 3 (issue 16) without seeing the
catalogue; see README.md.
"""

import numpy as np


def add_bias(X):
    X = np.asarray(X, dtype=float)
    return np.c_[X, np.ones(len(X))]


def train_perceptron(X, y, w, epochs):
    X, y = np.asarray(X, float), np.asarray(y)
    w = np.asarray(w, float).copy()
    if X.ndim != 2 or len(y) != len(X) or y.ndim != 1 or w.shape != X.shape[1:]:
        raise ValueError("X, y and w do not fit together")
    if not np.all(np.abs(y) == 1):
        raise ValueError("y must be in {-1, +1}")
    changes = []
    while len(changes) < epochs:
        count = 0
        for xi, yi in zip(X, y):
            if yi * (xi @ w) <= 0:
                w += yi * xi
                count += 1
        changes.append(count)
        if not count:
            break
    return w, changes


def predict(w, X):
    return np.where(np.asarray(X, float) @ np.asarray(w, float) >= 0, 1, -1).astype(int)


def novikoff_bound(X, y, w_star):
    X, y, w_star = np.asarray(X, float), np.asarray(y, float), np.asarray(w_star, float)
    R = np.linalg.norm(X, axis=1).max()
    gamma = np.min(y * (X @ w_star)) / np.linalg.norm(w_star)
    if gamma <= 0:
        raise ValueError("not separable by w_star")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, float)
    return np.hstack([X, np.prod(X, axis=1, keepdims=True)])
