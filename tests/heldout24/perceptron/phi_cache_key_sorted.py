"""(memo) The pair is sorted before the cached feature call ('the product is symmetric, so (u, v)
and (v, u) can share one cache entry'): the product is right, but for every row with u > v the
first two features come out swapped, (v, u, uv) instead of (u, v, uv).

Mistake in `xor_features`, written from correct_memo.py.
"""

from functools import cache

import numpy as np

_SIGNED = {}        # data key -> table of y_i x_i
_PREDICTIONS = {}   # (weights, inputs) key -> labels
_RADIUS = {}        # data key -> R


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


def _key(*arrays):
    return tuple((a.shape, a.dtype.str, a.tobytes()) for a in arrays)


@cache
def _ones(n):
    return np.ones((n, 1))


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    return np.hstack([X, _ones(X.shape[0])])


def _signed_rows(X, y):
    key = _key(X, y)
    if key not in _SIGNED:
        _SIGNED[key] = y[:, None] * X
    return _SIGNED[key]


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2 or y.shape != (X.shape[0],):
        raise ValueError(f"shapes disagree: X {X.shape}, y {y.shape}")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (X.shape[1],):
        raise ValueError(f"w must have shape ({X.shape[1]},), got {w.shape}")
    signed = _signed_rows(X, y.astype(np.float64))
    scores = {}                                     # (i, weights) -> y_i (w . x_i)
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(X.shape[0]):
            key = (i, w.tobytes())
            if key not in scores:
                scores[key] = signed[i] @ w
            if scores[key] <= 0:
                w = w + signed[i]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    w = np.asarray(w, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    key = _key(w, X)
    if key not in _PREDICTIONS:
        _PREDICTIONS[key] = np.where(X @ w > 0, 1, -1)
    return _PREDICTIONS[key].copy()


@cache
def _row_norm(row):
    return float(np.sqrt(sum(v * v for v in row)))


def _radius(X):
    key = _key(X)
    if key not in _RADIUS:
        _RADIUS[key] = max(_row_norm(tuple(row)) for row in X.tolist())
    return _RADIUS[key]


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = np.linalg.norm(w_star)
    if norm == 0:
        raise ValueError("w_star is zero")
    gamma = np.min(y * (X @ w_star)) / norm
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((_radius(X) / gamma) ** 2)


@cache
def _phi(u, v):
    return (u, v, u * v)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    return np.array([_phi(*sorted((u, v))) for u, v in X.tolist()], dtype=np.float64).reshape(-1, 3)
