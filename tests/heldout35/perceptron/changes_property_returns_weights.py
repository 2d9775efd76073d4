"""The `changes` property returns run[0] (the weights) instead of run[1], copied from the `w` property.

train_perceptron returns the final weights twice: its `changes` list is list(w), the d weight
values, instead of the update counts per epoch.

Graded: train_perceptron (written from correct_properties.py).
"""

from functools import cached_property

import numpy as np


def two_gaussians(n_per_class, seed):
    """The lecture's data set (provided, not graded)."""
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


class Dataset:
    """Inputs X (n, d) and, optionally, labels y."""

    def __init__(self, X, y=None):
        self.X = np.asarray(X, dtype=np.float64)
        if self.X.ndim != 2:
            raise ValueError("X must be a 2-D array")
        self.y = None if y is None else np.asarray(y)

    @property
    def n(self):
        return self.X.shape[0]

    @property
    def d(self):
        return self.X.shape[1]

    @cached_property
    def with_bias(self):
        return np.hstack([self.X, np.ones((self.n, 1))])

    @cached_property
    def R(self):
        return float(np.max(np.linalg.norm(self.X, axis=1)))

    @cached_property
    def labels_ok(self):
        return bool(np.all((self.y == 1) | (self.y == -1)))

    @cached_property
    def xor_features(self):
        if self.d != 2:
            raise ValueError("X must have shape (n, 2)")
        return np.column_stack([self.X[:, 0], self.X[:, 1], self.X[:, 0] * self.X[:, 1]])


class Separator:
    """A weight vector w* judged on a labelled data set."""

    def __init__(self, data, w_star):
        self.data = data
        self.w_star = np.asarray(w_star, dtype=np.float64)

    @cached_property
    def norm(self):
        return float(np.linalg.norm(self.w_star))

    @cached_property
    def gamma(self):
        if self.norm == 0:
            raise ValueError("w_star is zero: it does not separate the data")
        y = self.data.y.astype(np.float64)
        return float(np.min(y * (self.data.X @ self.w_star)) / self.norm)

    @cached_property
    def bound(self):
        if self.gamma <= 0:
            raise ValueError("w_star does not separate the data (gamma <= 0)")
        return (self.data.R / self.gamma) ** 2


class Perceptron:
    """A training run of the lecture's rule from a start w0, computed on first access."""

    def __init__(self, data, w0, epochs):
        if data.y is None or data.y.shape != (data.n,):
            raise ValueError("y must have one label per row of X")
        if not data.labels_ok:
            raise ValueError("labels must be -1 or +1")
        self.data = data
        self.w0 = np.array(w0, dtype=np.float64)
        if self.w0.shape != (data.d,):
            raise ValueError("w must have one weight per column of X")
        self.epochs = epochs

    @cached_property
    def run(self):
        w = self.w0.copy()
        changes = []
        for _ in range(self.epochs):
            updates = 0
            for x_i, y_i in zip(self.data.X, self.data.y, strict=True):
                if y_i * (w @ x_i) <= 0:
                    w = w + y_i * x_i
                    updates += 1
            changes.append(updates)
            if updates == 0:
                break
        return w, changes

    @property
    def w(self):
        return self.run[0]

    @property
    def changes(self):
        return self.run[0]


def add_bias(X):
    """[X | 1]: a column of ones appended last."""
    return Dataset(X).with_bias


def train_perceptron(X, y, w, epochs):
    """(final w, updates per epoch) of the perceptron rule."""
    run = Perceptron(Dataset(X, y), w, epochs)
    return run.w, list(run.changes)


def predict(w, X):
    """+1 where w . x > 0, else -1."""
    scores = Dataset(X).X @ np.asarray(w, dtype=np.float64)
    return np.where(scores > 0, 1, -1)


def novikoff_bound(X, y, w_star):
    """(R / gamma)^2 of the separator w_star."""
    return float(Separator(Dataset(X, y), w_star).bound)


def xor_features(X):
    """phi(x_u, x_v) = (x_u, x_v, x_u x_v) row-wise."""
    return Dataset(X).xor_features
