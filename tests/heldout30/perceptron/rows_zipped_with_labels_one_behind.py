"""The sweep zips X[1:] with the labels, so each row is paired with the label of the row before it.

zip stops at the shorter sequence: the first row is never seen, row i+1 is trained with label i,
and the updates are made on wrongly labelled points.

Single mistake in train_perceptron; written from correct_mapapply.
"""

import operator
from functools import partial

import numpy as np


def two_gaussians(n_per_class, seed):
    """Provided: class +1 ~ N(0, I), class -1 ~ N(3, I), interleaved, bias column last."""
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


def _dot(a, b):
    return sum(map(operator.mul, a, b))


def _matrix(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (n, d), got shape {X.shape}")
    return X


def add_bias(X):
    """[X | 1]: a column of ones appended as the last column."""
    X = _matrix(X)
    n, d = X.shape
    rows = list(map(lambda row: [*row, 1.0], X))
    return np.array(rows, dtype=np.float64).reshape(n, d + 1)


def train_perceptron(X, y, w, epochs):
    """The perceptron rule, sweeping the rows in order; returns (w, changes)."""
    X = _matrix(X)
    n, d = X.shape
    y = np.asarray(y)
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},)")
    if not all(map(lambda label: label in (1, -1), y.tolist())):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError(f"w must have shape ({d},)")
    changes = []
    for _ in range(epochs):
        updates = 0
        for x_i, y_i in zip(X[1:], y.tolist()):
            if y_i * _dot(w, x_i) <= 0:
                w = np.fromiter(map(operator.add, w, map(partial(operator.mul, y_i), x_i)),
                                dtype=np.float64, count=d)
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    """+1 where w.x > 0, else -1."""
    X = _matrix(X)
    w = np.asarray(w, dtype=np.float64)
    scores = map(partial(_dot, w), X)
    return np.fromiter(map(lambda s: 1 if s > 0 else -1, scores), dtype=int, count=X.shape[0])


def novikoff_bound(X, y, w_star):
    """(R / gamma)^2 with R the largest norm of a row and gamma the normalised margin."""
    X = _matrix(X)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = np.linalg.norm(w_star)
    if norm == 0:
        raise ValueError("w_star is zero: it does not separate the data")
    R = max(map(np.linalg.norm, X))
    gamma = min(map(lambda row, label: label * _dot(w_star, row), X, y)) / norm
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    """phi(u, v) = (u, v, u*v) row-wise."""
    X = _matrix(X)
    if X.shape[1] != 2:
        raise ValueError("X must have two columns")
    rows = list(map(lambda row: (row[0], row[1], operator.mul(row[0], row[1])), X))
    return np.array(rows, dtype=np.float64).reshape(X.shape[0], 3)
