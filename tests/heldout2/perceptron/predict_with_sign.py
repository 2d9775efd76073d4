"""predict: Uses np.sign(X @ w), which returns 0 (not −1) for points on the boundary, and floats.

Held-out batch 2 (H4): correct_numpy.py with this one mistake.
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
    X = np.asarray(X, dtype=float)
    return np.hstack([X, np.ones((X.shape[0], 1))])


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or y.shape != (X.shape[0],) or np.shape(w) != (X.shape[1],):
        raise ValueError("shapes of X, y and w disagree")
    if not np.all(np.isin(y, (-1, 1))):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=float)
    changes = []
    for _ in range(epochs):
        updates = 0
        for xi, yi in zip(X, y):
            if yi * (w @ xi) <= 0:
                w = w + yi * xi
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    return np.sign(np.asarray(X, dtype=float) @ np.asarray(w, dtype=float))


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=float)
    w_star = np.asarray(w_star, dtype=float)
    R = np.linalg.norm(X, axis=1).max()
    gamma = (np.asarray(y) * (X @ w_star)).min() / np.linalg.norm(w_star)
    if not gamma > 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=float)
    return np.column_stack([X[:, 0], X[:, 1], X[:, 0] * X[:, 1]])
