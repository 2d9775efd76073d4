"""np.argmin where np.min is meant: gamma is the INDEX of the smallest margin divided by ||w*||,
not the margin itself, so the bound is wrong, and when the smallest margin is at sample 0 gamma
is 0 and a separating w* is rejected with ValueError.

Single mistake in `novikoff_bound`; written in the style of correct_scipy.
"""

import numpy as np
from scipy.linalg import norm
from scipy.spatial.distance import cdist


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    return np.c_[X, np.ones(X.shape[0])]


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    w = np.array(w, dtype=np.float64)
    if X.ndim != 2 or y.shape != (X.shape[0],) or w.shape != (X.shape[1],):
        raise ValueError(f"shapes disagree: X {X.shape}, y {y.shape}, w {w.shape}")
    if not np.all(np.isin(y, (-1, 1))):
        raise ValueError("labels must be -1 or +1")
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(X.shape[0]):
            if y[i] * (w @ X[i]) <= 0:
                w = w + y[i] * X[i]
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
    R = cdist(X, np.zeros((1, X.shape[1]))).max()
    w_norm = norm(w_star)
    if w_norm == 0:
        raise ValueError("w_star is zero")
    gamma = np.argmin(y * (X @ w_star)) / w_norm
    if gamma <= 0:
        raise ValueError(f"w_star does not separate the data (gamma = {gamma})")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    return np.column_stack([X, X.prod(axis=1)])
