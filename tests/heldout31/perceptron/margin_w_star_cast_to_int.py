"""Margin.__init__ converts w_star with dtype=int instead of float.

Fractional separator weights are truncated towards 0 before gamma and the norm are computed, so
the bound belongs to another vector (and a separator with all |w_j| < 1 becomes zero and is
rejected).

Single mistake in novikoff_bound; written from correct_callables.
"""

from functools import partial

import numpy as np


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


class AppendColumn:
    """Appends a constant column on the right."""

    def __init__(self, value):
        self.value = value

    def __call__(self, X):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2:
            raise ValueError("X must be 2-D")
        return np.hstack([X, np.full((X.shape[0], 1), self.value)])


add_bias = AppendColumn(1.0)


class Perceptron:
    """Scores rows with weights w; called on X returns X @ w."""

    def __init__(self, w):
        self.w = np.array(w, dtype=float)

    def __call__(self, X):
        return np.asarray(X, dtype=float) @ self.w


class UpdateRule:
    """w <- w + y x on a mistake (y (w.x) <= 0); returns whether it updated."""

    def __call__(self, model, x, y):
        if y * (model.w @ x) <= 0:
            model.w = model.w + y * x
            return True
        return False


class Epoch:
    """One ordered sweep over the rows; returns the number of updates."""

    def __init__(self, rule):
        self.rule = rule

    def __call__(self, model, X, y):
        count = 0
        for x_i, y_i in zip(X, y):
            if self.rule(model, x_i, y_i):
                count += 1
        return count


class Trainer:
    def __init__(self, epochs):
        self.epochs = epochs
        self.epoch = Epoch(UpdateRule())

    def __call__(self, model, X, y):
        changes = []
        for _ in range(self.epochs):
            count = self.epoch(model, X, y)
            changes.append(count)
            if count == 0:
                break
        return changes


def train_perceptron(X, y, w, epochs):
    """The lecture's perceptron rule; returns (w, updates per epoch)."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    if y.shape != (X.shape[0],):
        raise ValueError("y must have one label per row")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    model = Perceptron(w)
    if model.w.shape != (X.shape[1],):
        raise ValueError("w must have one weight per column")
    changes = Trainer(epochs)(model, X, y)
    return model.w, changes


class Sign:
    """+1 where the score is > 0, else -1."""

    def __call__(self, scores):
        return np.where(scores > 0, 1, -1)


def predict(w, X):
    """+1 where w.x > 0, else -1."""
    return Sign()(Perceptron(w)(X))


class Margin:
    """gamma = min_i y_i (w*.x_i) / ||w*||."""

    def __init__(self, w_star):
        self.w_star = np.asarray(w_star, dtype=int)
        self.norm = np.linalg.norm(self.w_star)

    def __call__(self, X, y):
        if self.norm == 0:
            raise ValueError("w_star is zero")
        return np.min(y * Perceptron(self.w_star)(X)) / self.norm


class Radius:
    def __call__(self, X):
        return np.max(np.linalg.norm(X, axis=1))


def novikoff_bound(X, y, w_star):
    """(R / gamma)^2; ValueError if w_star does not separate the data."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    gamma = Margin(w_star)(X, y)
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((Radius()(X) / gamma) ** 2)


def _columns(X, pairs):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must have shape (n, 2)")
    return np.column_stack([X[:, i] * X[:, j] if j is not None else X[:, i] for i, j in pairs])


xor_features = partial(_columns, pairs=((0, None), (1, None), (0, 1)))
