"""The per-sample update is applied before the mistake test, which then reads the updated w.

The test is y_i (w + y_i x_i).x_i <= 0, i.e. y_i w.x_i <= -||x_i||^2: only badly misclassified
points count as mistakes, points near the boundary (and at w = 0) are never updated on.

Single mistake in train_perceptron; written from correct_online.
"""

import math

import numpy as np


def add_bias(X):
    """[X | 1], filled one row at a time."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array")
    n, d = X.shape
    out = np.empty((n, d + 1))
    for i in range(n):
        out[i, :d] = X[i]
        out[i, d] = 1.0
    return out


def _update(w, x_i, y_i):
    """One sample of the rule: (new w, 1) after a mistake, (w, 0) otherwise."""
    moved = w + y_i * x_i
    if y_i * float(moved @ x_i) <= 0:
        return moved, 1
    return w, 0


def train_perceptron(X, y, w, epochs):
    """The lecture's perceptron rule, one sample at a time; returns (w, changes)."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError("y must have one label per row of X")
    for label in y:
        if label != 1 and label != -1:
            raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError("w must have one weight per column of X")
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(n):
            w, changed = _update(w, X[i], y[i])
            updates += changed
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    """+1 where w.x > 0, else -1, one row at a time."""
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    out = np.empty(X.shape[0], dtype=int)
    for i in range(X.shape[0]):
        out[i] = 1 if X[i] @ w > 0 else -1
    return out


def novikoff_bound(X, y, w_star):
    """(R / gamma)^2 from a running max of the norms and a running min of the margins."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm_w = math.sqrt(float(w_star @ w_star))
    if norm_w == 0:
        raise ValueError("w_star is zero")
    R = 0.0
    smallest = math.inf
    for i in range(X.shape[0]):
        R = max(R, math.sqrt(float(X[i] @ X[i])))
        smallest = min(smallest, y[i] * float(X[i] @ w_star))
    gamma = smallest / norm_w
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    """phi(u, v) = (u, v, u*v), one row at a time."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must have shape (n, 2)")
    out = np.empty((X.shape[0], 3))
    for i in range(X.shape[0]):
        u, v = X[i]
        out[i] = (u, v, u * v)
    return out
