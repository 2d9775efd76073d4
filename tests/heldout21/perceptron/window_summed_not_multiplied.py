"""The window (x_u, x_v) is reduced with sum instead of prod: the third feature is x_u + x_v
instead of x_u * x_v, which is a linear function of the first two features, so in this feature
space XOR is still not linearly separable (and every value of the third column is wrong).

Mistake in `xor_features`, written in the style of correct_sliding.py.
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n, d), got shape {X.shape}")
    return np.pad(X, ((0, 0), (0, 1)), constant_values=1.0)


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n, d), got shape {X.shape}")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    if not np.all(np.isin(y, (-1, 1))):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError(f"w must have shape ({d},), got {w.shape}")
    record = []                                           # one entry per step: 1 if it updated
    changes = []
    for _ in range(epochs):
        for x_i, y_i in zip(X, y, strict=True):
            hit = y_i * (w @ x_i) <= 0
            if hit:
                w = w + y_i * x_i
            record.append(int(hit))
        epoch = record[len(record) - n:]                  # the window of this epoch's n steps
        changes.append(sum(epoch))
        if changes[-1] == 0:
            break
    return w, changes


def predict(w, X):
    scores = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    return np.array([-1, 1])[(scores > 0).astype(int)]


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = np.linalg.norm(w_star)
    if norm == 0:
        raise ValueError("w_star is zero: it does not separate the data")
    margins = y * (X @ w_star) / norm
    gamma = margins.min()
    if gamma <= 0:
        raise ValueError(f"w_star does not separate the data (gamma = {gamma:.3g})")
    R = np.linalg.norm(X, axis=1).max()
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    pairs = sliding_window_view(X, 2, axis=1)             # (n, 1, 2): the window (x_u, x_v)
    product = pairs.sum(axis=-1)                          # (n, 1)
    return np.hstack([X, product])


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
