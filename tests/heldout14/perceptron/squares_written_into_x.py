"""The squares for R are written back into X (out=X) instead of a scratch buffer: X is still needed
for the margins, which are then computed on the squared features (so gamma, and the bound or the
separation test, are wrong), and for a float array the caller's X is overwritten.

One mistake, in `novikoff_bound`; written in the style of correct_inplace.py.
"""

import numpy as np


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    n, d = X.shape
    out = np.empty((n, d + 1), dtype=np.float64)
    out[:, :d] = X
    out[:, d] = 1.0
    return out


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError(f"w must have shape ({d},), got {w.shape}")
    step = np.empty(d, dtype=np.float64)
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(n):
            if y[i] * np.dot(w, X[i]) <= 0:
                np.multiply(X[i], y[i], out=step)
                w += step
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    s = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    out = np.full(s.shape[0], -1, dtype=int)
    out[s > 0] = 1
    return out


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = np.linalg.norm(w_star)
    if norm == 0:
        raise ValueError("w_star is zero")
    np.multiply(X, X, out=X)
    R = np.sqrt(X.sum(axis=1).max())
    margins = np.empty(X.shape[0])
    np.matmul(X, w_star, out=margins)
    margins *= y
    margins /= norm
    gamma = margins.min()
    if gamma <= 0:
        raise ValueError(f"w_star does not separate the data (gamma = {gamma})")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    out = np.zeros((X.shape[0], 3))
    out[:, :2] = X
    np.multiply(out[:, 0], out[:, 1], out=out[:, 2])
    return out
