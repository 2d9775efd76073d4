"""The Geometry record is built positionally as Geometry(gamma, radius) for fields (radius, gamma).

R and gamma trade places: the bound is (gamma/R)^2 instead of (R/gamma)^2, and the separation
test looks at R (always positive), so a w_star that does not separate the data gets a number
instead of a ValueError.

Single mistake in novikoff_bound; written from correct_records.
"""

from typing import NamedTuple

import numpy as np


class Sample(NamedTuple):
    x: np.ndarray
    y: int


class EpochResult(NamedTuple):
    w: np.ndarray
    updates: int


class Geometry(NamedTuple):
    radius: float
    gamma: float


def two_gaussians(n_per_class, seed):
    """Provided: two Gaussian clouds, rows interleaved, bias column last."""
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


def add_bias(X):
    """[X | 1]: a column of ones appended as the last column."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    return np.hstack([X, np.ones((X.shape[0], 1))])


def _samples(X, y):
    return [Sample(x=X[i], y=int(y[i])) for i in range(X.shape[0])]


def _epoch(w, samples):
    result = EpochResult(w=w, updates=0)
    for sample in samples:
        if sample.y * (result.w @ sample.x) <= 0:
            result = result._replace(w=result.w + sample.y * sample.x)
            result = result._replace(updates=result.updates + 1)
    return result


def train_perceptron(X, y, w, epochs):
    """The perceptron rule swept in order; returns (w, changes)."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    if y.shape != (X.shape[0],):
        raise ValueError("y must have one label per row of X")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (X.shape[1],):
        raise ValueError("w must have one weight per column of X")
    samples = _samples(X, y)
    changes = []
    for _ in range(epochs):
        result = _epoch(w, samples)
        w = result.w
        changes.append(result.updates)
        if result.updates == 0:
            break
    return w, changes


def predict(w, X):
    """+1 where w.x > 0, else -1."""
    scores = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    return np.where(scores > 0, 1, -1)


def _geometry(X, y, w_star):
    norm = float(np.linalg.norm(w_star))
    if norm == 0:
        raise ValueError("w_star is zero")
    radius = float(np.max(np.linalg.norm(X, axis=1)))
    gamma = float(np.min(y * (X @ w_star))) / norm
    return Geometry(gamma, radius)


def novikoff_bound(X, y, w_star):
    """(R / gamma)^2; ValueError if w_star does not separate the data."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    geo = _geometry(X, y, w_star)
    if geo.gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((geo.radius / geo.gamma) ** 2)


def xor_features(X):
    """(x_u, x_v, x_u * x_v) row-wise."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must have shape (n, 2)")
    return np.column_stack([X[:, 0], X[:, 1], X[:, 0] * X[:, 1]])
