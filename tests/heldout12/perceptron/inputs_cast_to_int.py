"""xor_features converts X with dtype=int ('the inputs are bits'): real-valued inputs are truncated
towards 0 before the features are made, so (0.7, -1.6) gives (0, -1, 0) instead of (0.7, -1.6,
-1.12).

Mistake in `xor_features`; written in the style of correct_oop.py.
"""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Design:
    X: np.ndarray

    @property
    def n(self):
        return self.X.shape[0]

    def with_bias(self):
        return np.hstack([self.X, np.ones((self.n, 1))])


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    return Design(X).with_bias()


class Perceptron:
    def __init__(self, w):
        self.w = w

    def score(self, x):
        return float(self.w @ x)

    def step(self, x, label):
        if label * self.score(x) <= 0:
            self.w = self.w + label * x
            return 1
        return 0

    def epoch(self, X, y):
        return sum(self.step(x_i, y_i) for x_i, y_i in zip(X, y))

    def predict(self, X):
        s = X @ self.w
        return np.where(s > 0, 1, -1)


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2 or y.shape != (X.shape[0],):
        raise ValueError("X must be (n, d) and y (n,)")
    if not np.all(np.isin(y, (-1, 1))):
        raise ValueError("labels must be -1 or +1")
    model = Perceptron(np.array(w, dtype=np.float64))
    if model.w.shape != (X.shape[1],):
        raise ValueError("w must have one entry per column of X")
    changes = []
    for _ in range(epochs):
        changes.append(int(model.epoch(X, y)))
        if changes[-1] == 0:
            break
    return model.w, changes


def predict(w, X):
    return Perceptron(np.asarray(w, dtype=np.float64)).predict(np.asarray(X, dtype=np.float64))


@dataclass(frozen=True)
class Separator:
    w: np.ndarray

    @property
    def norm(self):
        return float(np.linalg.norm(self.w))

    def margin(self, X, y):
        return float(np.min(y * (X @ self.w))) / self.norm


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    sep = Separator(np.asarray(w_star, dtype=np.float64))
    if sep.norm == 0:
        raise ValueError("w_star is zero")
    gamma = sep.margin(X, y)
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    R = float(np.max(np.linalg.norm(X, axis=1)))
    return (R / gamma) ** 2


@dataclass(frozen=True)
class Point:
    u: float
    v: float

    def features(self):
        return (self.u, self.v, self.u * self.v)


def xor_features(X):
    X = np.asarray(X, dtype=int)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must be (n, 2)")
    return np.array([Point(u, v).features() for u, v in X], dtype=np.float64).reshape(-1, 3)
