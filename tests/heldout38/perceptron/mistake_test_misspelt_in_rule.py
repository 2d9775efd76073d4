"""PerceptronRule's mistake test is defined as is_mistake, so calls to rule.mistaken reach the UpdateRule protocol's empty stub.

PerceptronRule subclasses the UpdateRule protocol explicitly, so the misspelt method raises no
error: rule.mistaken(...) runs the protocol's body `...` and returns None, which is false. No
sample is ever a mistake: training returns the initial w and changes [0] after one epoch.

Graded: train_perceptron; written from correct_protocols.py.
"""

from typing import Protocol

import numpy as np


class FeatureMap(Protocol):
    def __call__(self, X: np.ndarray) -> np.ndarray: ...


class UpdateRule(Protocol):
    def mistaken(self, w: np.ndarray, x: np.ndarray, label: float) -> bool: ...

    def update(self, w: np.ndarray, x: np.ndarray, label: float) -> np.ndarray: ...


class Quantity(Protocol):
    def of(self, X: np.ndarray, y: np.ndarray, w: np.ndarray) -> float: ...


class BiasColumn:
    def __call__(self, X):
        return np.hstack([X, np.ones((X.shape[0], 1))])


class XorProduct:
    def __call__(self, X):
        return np.column_stack([X[:, 0], X[:, 1], X[:, 0] * X[:, 1]])


class PerceptronRule(UpdateRule):
    def is_mistake(self, w, x, label):
        return label * float(w @ x) <= 0

    def update(self, w, x, label):
        return w + label * x


class Radius:
    def of(self, X, y, w):
        return float(np.max(np.sqrt(np.sum(X * X, axis=1))))


class Margin:
    def of(self, X, y, w):
        return float(np.min(y * (X @ w)) / np.linalg.norm(w))


def _matrix(X, width=None):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or (width is not None and X.shape[1] != width):
        raise ValueError(f"X has the wrong shape {X.shape}")
    return X


def _apply(feature_map: FeatureMap, X):
    return feature_map(X)


def add_bias(X):
    """[X | 1]: the bias input as the last column."""
    return _apply(BiasColumn(), _matrix(X))


def _sweep(rule: UpdateRule, w, X, y):
    updates = 0
    for i in range(X.shape[0]):
        if rule.mistaken(w, X[i], y[i]):
            w = rule.update(w, X[i], y[i])
            updates += 1
    return w, updates


def train_perceptron(X, y, w, epochs):
    """Epochs of the perceptron rule until one makes no update; returns (w, changes)."""
    X = _matrix(X)
    y = np.asarray(y)
    if y.shape != (X.shape[0],):
        raise ValueError("y must have one label per row of X")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (X.shape[1],):
        raise ValueError("w must have one weight per column of X")
    labels = y.astype(np.float64)
    rule: UpdateRule = PerceptronRule()
    changes = []
    for _ in range(epochs):
        w, updates = _sweep(rule, w, X, labels)
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    """+1 where w.x > 0, else -1."""
    scores = _matrix(X) @ np.asarray(w, dtype=np.float64)
    return np.where(scores > 0, 1, -1).astype(int)


def novikoff_bound(X, y, w_star):
    """(R/gamma)^2, each number computed by its Quantity."""
    X = _matrix(X)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    if np.linalg.norm(w_star) == 0:
        raise ValueError("w_star is zero")
    radius: Quantity = Radius()
    margin: Quantity = Margin()
    R = radius.of(X, y, w_star)
    gamma = margin.of(X, y, w_star)
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    """(x_u, x_v, x_u * x_v) row-wise."""
    return _apply(XorProduct(), _matrix(X, width=2))


def two_gaussians(n_per_class, seed):
    """Provided: class +1 ~ N(0, I), class -1 ~ N(3, I), rows interleaved, bias column last."""
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
