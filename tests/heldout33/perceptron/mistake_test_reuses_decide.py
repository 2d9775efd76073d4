"""The perceptron's is_mistake hook reuses the base class's decide() instead of y (w.x) <= 0.

decide() maps a score of exactly 0 to -1, so a point ON the boundary with label -1 is not
counted as a mistake (y w.x = 0 should be one): from w = 0 the label -1 points are skipped until
w moves, and the updates and weights differ.

Graded: train_perceptron. Written from correct_inheritance.py.
"""

from abc import ABC, abstractmethod

import numpy as np


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


class FeatureMap(ABC):
    """X (n, d) -> [X | extra columns]."""

    width = None  # the number of input columns required, or None for any

    def transform(self, X):
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2:
            raise ValueError("X must be 2-D")
        if self.width is not None and X.shape[1] != self.width:
            raise ValueError(f"X must have {self.width} columns")
        return np.hstack([X, self.extra_columns(X)])

    @abstractmethod
    def extra_columns(self, X):
        """The columns appended after X."""


class BiasFeatures(FeatureMap):
    def extra_columns(self, X):
        return np.ones((X.shape[0], 1))


class XorFeatures(FeatureMap):
    width = 2

    def extra_columns(self, X):
        return (X[:, 0] * X[:, 1])[:, None]


class LinearModel:
    def __init__(self, w):
        self.w = np.array(w, dtype=np.float64)

    def scores(self, X):
        return np.asarray(X, dtype=np.float64) @ self.w

    def decide(self, X):
        return np.where(self.scores(X) > 0, 1, -1)


class Perceptron(LinearModel):
    def is_mistake(self, x, label):
        return self.decide(x[None, :])[0] != label

    def update(self, x, label):
        self.w = self.w + label * x

    def epoch(self, X, y):
        updates = 0
        for x, label in zip(X, y):
            if self.is_mistake(x, label):
                self.update(x, label)
                updates += 1
        return updates

    def fit(self, X, y, epochs):
        changes = []
        for _ in range(epochs):
            changes.append(self.epoch(X, y))
            if changes[-1] == 0:
                break
        return changes


class MarginBound(ABC):
    def __init__(self, X, y, w_star):
        self.X = np.asarray(X, dtype=np.float64)
        self.y = np.asarray(y, dtype=np.float64)
        self.w_star = np.asarray(w_star, dtype=np.float64)

    @abstractmethod
    def radius(self):
        """R."""

    @abstractmethod
    def gamma(self):
        """The margin."""

    def value(self):
        gamma = self.gamma()
        if not gamma > 0:
            raise ValueError("w_star does not separate the data")
        return float((self.radius() / gamma) ** 2)


class NovikoffBound(MarginBound):
    def radius(self):
        return np.max(np.linalg.norm(self.X, axis=1))

    def gamma(self):
        norm = np.linalg.norm(self.w_star)
        if norm == 0:
            raise ValueError("w_star is zero")
        return np.min(self.y * (self.X @ self.w_star)) / norm


def add_bias(X):
    return BiasFeatures().transform(X)


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2 or y.shape != (X.shape[0],):
        raise ValueError("X must be (n, d) and y (n,)")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    if np.shape(w) != (X.shape[1],):
        raise ValueError("w must have one weight per column of X")
    model = Perceptron(w)
    changes = model.fit(X, y, epochs)
    return model.w, changes


def predict(w, X):
    return LinearModel(w).decide(X)


def novikoff_bound(X, y, w_star):
    return NovikoffBound(X, y, w_star).value()


def xor_features(X):
    return XorFeatures().transform(X)
