"""The epoch is vectorised into one batch update: all mistakes are found with the weights from the
START of the epoch and their y_i x_i are added at once, instead of sweeping i = 0..n-1 and
testing each sample with the weights already updated by the earlier ones. The weights and the
update counts differ from the sequential perceptron rule.

Mistake in `train_perceptron`, written in the style of correct_masks.py.
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
        mistakes = yf * (X @ w) <= 0
        w = w + (mistakes * yf) @ X
        updates = int(np.sum(mistakes))
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
    return np.concatenate([X, np.prod(X, axis=1, keepdims=True)], axis=1)
