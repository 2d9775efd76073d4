"""Training always starts from w = 0 (the lecture's start) instead of the initial weights it is
given: the argument w is only used for its shape, so any run from a non-zero w gives the weights
and update counts of a run from zero.

Mistake in `train_perceptron`, written in the style of correct_stacking.py (stacking).
"""

import numpy as np


def two_gaussians(n_per_class, seed):
    rng = np.random.default_rng(seed)
    pos = rng.normal(0.0, 1.0, size=(n_per_class, 2))
    neg = rng.normal(3.0, 1.0, size=(n_per_class, 2))
    pts = np.stack([pos, neg], axis=1).reshape(2 * n_per_class, 2)   # interleave the classes
    y = np.tile([1, -1], n_per_class)
    return np.c_[pts, np.ones(2 * n_per_class)], y


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    return np.c_[X, np.ones(X.shape[0])]


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    if not np.all(np.isin(y, [-1, 1])):
        raise ValueError("labels must be -1 or +1")
    w = np.zeros_like(np.asarray(w, dtype=np.float64))
    if w.shape != (d,):
        raise ValueError(f"w must have shape ({d},), got {w.shape}")
    changes = []
    for _ in range(epochs):
        updates = 0
        for x_i, y_i in zip(X, y):
            if y_i * (w @ x_i) <= 0:
                w = w + y_i * x_i
                updates += 1
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
    norm = np.sqrt(w_star @ w_star)
    if norm == 0:
        raise ValueError("w_star is zero")
    R = np.sqrt((X * X).sum(axis=1)).max()
    gamma = (y * (X @ w_star)).min() / norm
    if gamma <= 0:
        raise ValueError(f"w_star does not separate the data (gamma = {gamma})")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    return np.column_stack([X[:, 0], X[:, 1], X[:, 0] * X[:, 1]])
