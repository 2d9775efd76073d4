"""The embedding [I_d | 0] is built with np.eye(d, d + 1, k=1), the identity shifted one column to
the right: the features land in columns 1..d and column 0 is 0, so the first feature is lost and
the last column is x_d + 1 instead of 1 (wrong for every X with d >= 1).

Graded function: `add_bias`. Written in the style of correct_linalg.py.
"""

import numpy as np


def two_gaussians(n_per_class, seed):
    rng = np.random.default_rng(seed)
    positive = rng.normal(0.0, 1.0, size=(n_per_class, 2))
    negative = rng.normal(3.0, 1.0, size=(n_per_class, 2))
    points = np.empty((2 * n_per_class, 2))
    points[0::2] = positive
    points[1::2] = negative
    y = np.empty(2 * n_per_class, dtype=int)
    y[0::2] = 1
    y[1::2] = -1
    return np.hstack([points, np.ones((2 * n_per_class, 1))]), y


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n, d), got shape {X.shape}")
    n, d = X.shape
    embed = np.eye(d, d + 1, k=1)                     # [I_d | 0]
    last = np.eye(d + 1)[d]                      # e_{d+1}
    return np.dot(X, embed) + np.outer(np.ones(n), last)


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n, d), got shape {X.shape}")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    w0 = np.array(w, dtype=np.float64)
    if w0.shape != (d,):
        raise ValueError(f"w must have shape ({d},), got {w0.shape}")
    w = w0.copy()
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(n):
            if y[i] * np.dot(w, X[i]) <= 0:
                w = w + y[i] * X[i]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    scores = np.dot(np.asarray(X, dtype=np.float64), np.asarray(w, dtype=np.float64))
    return np.where(scores > 0, 1, -1)


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm_w = np.linalg.norm(w_star)
    if norm_w == 0:
        raise ValueError("w_star is zero")
    R = np.max(np.linalg.norm(X, axis=1))
    gamma = np.min(y * np.dot(X, w_star)) / norm_w
    if gamma <= 0:
        raise ValueError(f"w_star does not separate the data (gamma = {gamma})")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    product = X[:, 0] * X[:, 1]
    e3 = np.eye(3)[2]
    return np.dot(X, np.eye(2, 3)) + np.outer(product, e3)
