"""The margin is the MEAN of the normalised y_i (w* . x_i) (statistics.fmean) instead of the
minimum: gamma is the average signed distance of the points, not that of the closest one, so the
bound (R/gamma)^2 is too small, and a w* that misclassifies a few points still passes the check
(no ValueError).

In `novikoff_bound`; written in the style of correct_mathlib.
"""

import math
import operator
import statistics

import numpy as np


def two_gaussians(n_per_class, seed):
    rng = np.random.default_rng(seed)
    positive = rng.normal(0.0, 1.0, size=(n_per_class, 2)).tolist()
    negative = rng.normal(3.0, 1.0, size=(n_per_class, 2)).tolist()
    rows, labels = [], []
    for p, q in zip(positive, negative):
        rows += [p + [1.0], q + [1.0]]
        labels += [1, -1]
    return np.array(rows, dtype=np.float64).reshape(2 * n_per_class, 3), np.array(labels, dtype=int)


def _dot(a, b):
    return math.fsum(map(operator.mul, a, b))


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    n, d = X.shape
    rows = [row + [1.0] for row in X.tolist()]
    return np.array(rows, dtype=np.float64).reshape(n, d + 1)


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    labels = y.tolist()
    if not all(label in (-1, 1) for label in labels):
        raise ValueError("labels must be -1 or +1")
    w = np.asarray(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError(f"w must have shape ({d},), got {w.shape}")
    weights = w.tolist()
    rows = X.tolist()
    changes = []
    for _ in range(epochs):
        updates = 0
        for row, label in zip(rows, labels):
            if label * _dot(weights, row) <= 0:
                step = [label * v for v in row]
                weights = list(map(operator.add, weights, step))
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return np.array(weights, dtype=np.float64), changes


def predict(w, X):
    weights = np.asarray(w, dtype=np.float64).tolist()
    rows = np.asarray(X, dtype=np.float64).tolist()
    return np.array([1 if _dot(weights, row) > 0 else -1 for row in rows], dtype=int)


def novikoff_bound(X, y, w_star):
    rows = np.asarray(X, dtype=np.float64).tolist()
    labels = np.asarray(y, dtype=np.float64).tolist()
    weights = np.asarray(w_star, dtype=np.float64).tolist()
    norm = math.hypot(*weights)
    if norm == 0:
        raise ValueError("w_star is zero")
    R = max(math.hypot(*row) for row in rows)
    gamma = statistics.fmean(label * _dot(weights, row) for row, label in zip(rows, labels)) / norm
    if gamma <= 0:
        raise ValueError(f"w_star does not separate the data (gamma = {gamma})")
    return (R / gamma) ** 2


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    rows = [[u, v, operator.mul(u, v)] for u, v in X.tolist()]
    return np.array(rows, dtype=np.float64).reshape(X.shape[0], 3)
