"""The Shape NamedTuple (n, d) is built in the wrong order, Shape(d, n): the column of ones gets d
rows instead of n, so np.hstack fails for every X that is not square.

Single mistake in `add_bias`; written in the style of correct_dataclass.
"""

from dataclasses import dataclass, field, replace
from typing import NamedTuple

import numpy as np


class Shape(NamedTuple):
    n: int
    d: int


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    n, d = X.shape
    shape = Shape(d, n)
    return np.hstack([X, np.ones((shape.n, 1))])


@dataclass(frozen=True)
class Perceptron:
    w: np.ndarray
    updates: int = 0

    def score(self, X):
        return np.asarray(X, dtype=np.float64) @ self.w

    def learn(self, x, label):
        if label * self.score(x) <= 0:
            return replace(self, w=self.w + label * x, updates=self.updates + 1)
        return self

    def predict(self, X):
        return np.where(self.score(X) > 0, 1, -1)


@dataclass
class Trainer:
    X: np.ndarray
    y: np.ndarray
    history: list[int] = field(default_factory=list)

    def __post_init__(self):
        self.X = np.asarray(self.X, dtype=np.float64)
        self.y = np.asarray(self.y)
        if self.X.ndim != 2 or self.y.shape != (self.X.shape[0],):
            raise ValueError(f"shapes disagree: X {self.X.shape}, y {self.y.shape}")
        if not np.all((self.y == 1) | (self.y == -1)):
            raise ValueError("labels must be -1 or +1")

    def epoch(self, model):
        start = model.updates
        for x, label in zip(self.X, self.y):
            model = model.learn(x, label)
        self.history.append(model.updates - start)
        return model

    def fit(self, model, epochs):
        for _ in range(epochs):
            model = self.epoch(model)
            if self.history[-1] == 0:
                break
        return model


def train_perceptron(X, y, w, epochs):
    trainer = Trainer(X, y)
    w = np.array(w, dtype=np.float64)
    if w.shape != (trainer.X.shape[1],):
        raise ValueError(f"w must have shape ({trainer.X.shape[1]},), got {w.shape}")
    model = trainer.fit(Perceptron(w), epochs)
    return model.w, list(trainer.history)


def predict(w, X):
    return Perceptron(np.asarray(w, dtype=np.float64)).predict(X)


class Bound(NamedTuple):
    R: float
    gamma: float

    def value(self):
        return (self.R / self.gamma) ** 2


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    size = np.linalg.norm(w_star)
    if size == 0:
        raise ValueError("w_star is zero")
    R = float(np.max(np.linalg.norm(X, axis=1)))
    gamma = float(np.min(y * (X @ w_star)) / size)
    if gamma <= 0:
        raise ValueError(f"w_star does not separate the data (gamma = {gamma})")
    return float(Bound(R, gamma).value())


@dataclass(frozen=True)
class XorPoint:
    u: float
    v: float

    def features(self):
        return (self.u, self.v, self.u * self.v)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    return np.array([XorPoint(u, v).features() for u, v in X], dtype=np.float64).reshape(-1, 3)
