"""The third feature multiplies the first column by itself, x_u * x_u, instead of x_u * x_v: phi(x)
= (x_u, x_v, x_u^2), which does not make XOR separable.

Mistake in `xor_features`, written in the style of correct_masks.py.
"""

import numpy as np


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (n, d), got shape {X.shape}")
    d = X.shape[1]
    padded = np.pad(X, ((0, 0), (0, 1)))
    is_data = np.arange(d + 1) < d
    return np.where(is_data, padded, 1.0)


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (n, d), got shape {X.shape}")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    if np.any((y != 1) & (y != -1)):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError(f"w must have shape ({d},), got {w.shape}")
    yf = y.astype(np.float64)
    changes = []
    for _ in range(epochs):
        updates = 0
        for x_i, y_i in zip(X, yf):
            mistake = y_i * (x_i @ w) <= 0
            w = w + mistake * y_i * x_i
            updates += int(mistake)
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
    norm = np.sqrt(np.sum(w_star * w_star))
    if norm == 0:
        raise ValueError("w_star is zero: it does not separate the data")
    margins = y * (X @ w_star)
    if np.any(margins <= 0):
        raise ValueError("w_star does not separate the data (a margin is <= 0)")
    R = np.sqrt(np.max(np.sum(X * X, axis=1)))
    gamma = np.min(margins) / norm
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    return np.concatenate([X, X[:, :1] * X[:, :1]], axis=1)
