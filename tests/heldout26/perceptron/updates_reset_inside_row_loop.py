"""The update counter is set to 0 inside the loop over the rows instead of once per epoch.

Each epoch records only whether its LAST row caused an update (0 or 1), and training stops after
the first epoch whose last row was right, even if other rows were updated.

Single mistake in train_perceptron; written from correct_scalar.
"""

import math

import numpy as np


def _rows(X):
    A = np.asarray(X, dtype=np.float64)
    if A.ndim != 2:
        raise ValueError("X must be 2-D")
    return [[float(v) for v in row] for row in A], A.shape


def _dot(a, b):
    total = 0.0
    for k in range(len(a)):
        total += a[k] * b[k]
    return total


def add_bias(X):
    """[X | 1]: a column of ones appended as the last column."""
    rows, (n, d) = _rows(X)
    out = []
    for i in range(n):
        out.append(rows[i] + [1.0])
    return np.array(out, dtype=np.float64).reshape(n, d + 1)


def train_perceptron(X, y, w, epochs):
    """The perceptron rule, sweeping the rows in order; returns (w, changes)."""
    rows, (n, d) = _rows(X)
    labels = np.asarray(y)
    if labels.shape != (n,):
        raise ValueError("y must have one label per row of X")
    ys = []
    for i in range(n):
        if labels[i] != 1 and labels[i] != -1:
            raise ValueError("labels must be -1 or +1")
        ys.append(int(labels[i]))
    start = np.asarray(w, dtype=np.float64)
    if start.shape != (d,):
        raise ValueError("w must have one weight per column of X")
    weights = [float(v) for v in start]
    changes = []
    for _ in range(epochs):
        for i in range(n):
            updates = 0
            if ys[i] * _dot(weights, rows[i]) <= 0:
                for k in range(d):
                    weights[k] += ys[i] * rows[i][k]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return np.array(weights, dtype=np.float64), changes


def predict(w, X):
    """+1 where w.x > 0, else -1."""
    rows, shape = _rows(X)
    weights = [float(v) for v in np.asarray(w, dtype=np.float64)]
    out = []
    for i in range(shape[0]):
        out.append(1 if _dot(weights, rows[i]) > 0 else -1)
    return np.array(out, dtype=int)


def novikoff_bound(X, y, w_star):
    """(R / gamma)^2."""
    rows, (n, _) = _rows(X)
    ys = [float(v) for v in np.asarray(y, dtype=np.float64)]
    ws = [float(v) for v in np.asarray(w_star, dtype=np.float64)]
    norm = math.sqrt(_dot(ws, ws))
    if norm == 0.0:
        raise ValueError("w_star is zero")
    R = math.sqrt(_dot(rows[0], rows[0]))
    smallest = ys[0] * _dot(ws, rows[0])
    for i in range(1, n):
        R = max(R, math.sqrt(_dot(rows[i], rows[i])))
        smallest = min(smallest, ys[i] * _dot(ws, rows[i]))
    gamma = smallest / norm
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    """(x_u, x_v, x_u * x_v) row-wise."""
    rows, (n, d) = _rows(X)
    if d != 2:
        raise ValueError("X must have two columns")
    out = []
    for i in range(n):
        u, v = rows[i]
        out.append([u, v, u * v])
    return np.array(out, dtype=np.float64).reshape(n, 3)


def two_gaussians(n_per_class, seed):
    """Provided."""
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
