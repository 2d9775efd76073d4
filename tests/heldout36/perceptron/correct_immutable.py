"""The perceptron written immutably: the training state is a frozen dataclass replaced after
every sample, weights are new read-only arrays (w = w + ...), counts are tuples.

Correct solution (style: immutable).
"""

from dataclasses import dataclass, replace

import numpy as np


def frozen(values, dtype=np.float64):
    """A read-only copy of values."""
    out = np.array(values, dtype=dtype)
    out.setflags(write=False)
    return out


@dataclass(frozen=True)
class Sweep:
    w: np.ndarray
    updates: int = 0


def two_gaussians(n_per_class, seed):
    """Provided: two Gaussian clouds, rows interleaved, bias column last."""
    rng = np.random.default_rng(seed)
    positive = rng.normal(0.0, 1.0, size=(n_per_class, 2))
    negative = rng.normal(3.0, 1.0, size=(n_per_class, 2))
    points = np.stack([positive, negative], axis=1).reshape(2 * n_per_class, 2)
    y = np.tile(np.array([1, -1]), n_per_class)
    X = np.concatenate([points, np.ones((2 * n_per_class, 1))], axis=1)
    return X, y


def add_bias(X):
    """[X | 1]: a column of ones appended last."""
    X = frozen(X)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    return np.concatenate([X, np.ones((X.shape[0], 1))], axis=1)


def step(sweep, x_i, y_i):
    """The sweep after one sample: a new Sweep when the sample is misclassified."""
    if y_i * float(sweep.w @ x_i) <= 0:
        return replace(sweep, w=frozen(sweep.w + y_i * x_i), updates=sweep.updates + 1)
    return sweep


def train_perceptron(X, y, w, epochs):
    """Perceptron epochs over the rows in order until an epoch without updates."""
    X = frozen(X)
    y = frozen(y, dtype=None)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError("y must have one label per row of X")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    weights = frozen(w)
    if weights.shape != (d,):
        raise ValueError("w must have one entry per column of X")
    changes = ()
    for _ in range(epochs):
        sweep = Sweep(weights)
        for x_i, y_i in zip(X, y):
            sweep = step(sweep, x_i, int(y_i))
        weights = sweep.w
        changes = (*changes, sweep.updates)
        if sweep.updates == 0:
            break
    return np.array(weights), list(changes)


def predict(w, X):
    """+1 where w.x > 0, else -1."""
    scores = frozen(X) @ frozen(w)
    return np.where(scores > 0, 1, -1)


def novikoff_bound(X, y, w_star):
    """(R / gamma)^2 for the separator w_star."""
    X = frozen(X)
    y = frozen(y)
    w_star = frozen(w_star)
    norm = float(np.linalg.norm(w_star))
    if norm == 0:
        raise ValueError("w_star is zero")
    R = float(np.max(np.linalg.norm(X, axis=1)))
    gamma = float(np.min(y * (X @ w_star))) / norm
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return (R / gamma) ** 2


def xor_features(X):
    """(x_u, x_v, x_u x_v) row-wise."""
    X = frozen(X)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must have shape (n, 2)")
    return np.concatenate([X, X[:, :1] * X[:, 1:]], axis=1)
