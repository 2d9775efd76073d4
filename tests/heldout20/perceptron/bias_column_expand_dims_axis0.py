"""The vector of ones gets its new axis in front, np.expand_dims(..., axis=0), a (1, n) row instead
of an (n, 1) column: it cannot be concatenated to X along the columns, so add_bias raises
ValueError for every X with more than one row (a single row happens to work).

Mistake in `add_bias`; written in the style of correct_broadcast.py.
"""

import numpy as np

LABELS = np.array([-1, 1])


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    ones = np.expand_dims(np.ones(X.shape[0]), axis=0)     # (n, 1)
    return np.concatenate([X, ones], axis=1)


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y has shape {y.shape}, expected ({n},)")
    is_label = y[:, np.newaxis] == LABELS[np.newaxis, :]  # (n, 2)
    if not is_label.any(axis=1).all():
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError(f"w has shape {w.shape}, expected ({d},)")
    changes = []
    for _ in range(epochs):
        updates = 0
        for x_i, y_i in zip(X, y, strict=True):
            if y_i * (w @ x_i) <= 0:
                w = w + y_i * x_i
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    scores = (X * w[np.newaxis, :]).sum(axis=1)
    return np.where(scores > 0, 1, -1)


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = np.sqrt((w_star * w_star).sum())
    if norm == 0:
        raise ValueError("w_star is zero")
    R = np.sqrt((X * X).sum(axis=1)).max()
    signed = y[:, np.newaxis] * X                          # (n, d): rows y_i x_i
    gamma = (signed * w_star[np.newaxis, :]).sum(axis=1).min() / norm
    if gamma <= 0:
        raise ValueError(f"w_star does not separate the data (gamma = {gamma})")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    pairs = X[:, :, np.newaxis] * X[:, np.newaxis, :]     # (n, 2, 2): x_a * x_b of each row
    return np.concatenate([X, pairs[:, 0, 1:2]], axis=1)
