"""novikoff_bound does not raise ValueError when w* does not separate the data: a negative gamma is
squared away and a positive 'bound' is returned.

One edit of correct_numpy.py (held-out batch 4).
"""

import numpy as np


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array (n, d)")
    return np.hstack([X, np.ones((X.shape[0], 1))])


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2 or y.shape != (X.shape[0],):
        raise ValueError("X must be (n, d) and y (n,)")
    if not np.all(np.abs(y) == 1):
        raise ValueError("labels must be +1 or -1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (X.shape[1],):
        raise ValueError("w must have shape (d,)")
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(len(y)):
            if y[i] * np.dot(w, X[i]) <= 0:
                w = w + y[i] * X[i]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    scores = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    return np.where(scores > 0, 1, -1).astype(int)


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = np.linalg.norm(w_star)
    if norm == 0:
        raise ValueError("w_star must be non-zero")
    R = np.linalg.norm(X, axis=1).max()
    gamma = (y * (X @ w_star)).min() / norm
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must be (n, 2)")
    return np.column_stack([X, X[:, 0] * X[:, 1]])
