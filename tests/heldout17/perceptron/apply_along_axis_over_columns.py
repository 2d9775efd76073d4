"""np.apply_along_axis runs over axis 0 instead of axis 1: the helper gets each COLUMN and appends
a 1 to it, so the result is X with a row of ones added at the bottom, shape (n + 1, d), instead
of a column of ones on the right, shape (n, d + 1).

Mistake in `add_bias`, written in the style of correct_vectorize.py (vectorize).
"""

import numpy as np


def two_gaussians(n_per_class, seed):
    rng = np.random.default_rng(seed)
    pos = rng.normal(0.0, 1.0, size=(n_per_class, 2))
    neg = rng.normal(3.0, 1.0, size=(n_per_class, 2))
    pts = np.empty((2 * n_per_class, 2))
    pts[0::2] = pos
    pts[1::2] = neg
    y = np.empty(2 * n_per_class, dtype=int)
    y[0::2] = 1
    y[1::2] = -1
    return np.hstack([pts, np.ones((2 * n_per_class, 1))]), y


def _is_label(v):
    return v == 1 or v == -1


def _decide(score):
    return 1 if score > 0 else -1


is_label = np.vectorize(_is_label, otypes=[bool])
decide = np.vectorize(_decide, otypes=[int])
times = np.vectorize(lambda u, v: u * v, otypes=[float])


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    return np.apply_along_axis(lambda row: np.append(row, 1.0), 0, X)


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    if not np.all(is_label(y)):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError(f"w must have shape ({d},), got {w.shape}")
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(n):
            if y[i] * (w @ X[i]) <= 0:
                w = w + y[i] * X[i]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    scores = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    return decide(scores)


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = np.linalg.norm(w_star)
    if norm == 0:
        raise ValueError("w_star is zero")
    R = np.max(np.apply_along_axis(np.linalg.norm, 1, X))
    margins = y * (X @ w_star) / norm
    gamma = margins.min()
    if gamma <= 0:
        raise ValueError(f"w_star does not separate the data (gamma = {gamma})")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    Phi = np.zeros((X.shape[0], 3))
    Phi[:, :2] = X
    Phi[:, 2] = times(X[:, 0], X[:, 1])
    return Phi
