"""The keyword for the feature map's product flag is misspelt: product=True instead of with_product=True.

_feature_map has keyword-only parameters and no **kwargs, so the unknown keyword raises TypeError:
xor_features fails on every input.

Graded: xor_features; written from correct_kwargs.py.
"""

import functools

import numpy as np

TRAIN_DEFAULTS = {"epochs": 1, "stop_when_clean": True}
DECISION = {"positive": 1, "negative": -1, "at": 0.0}


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
    X = np.hstack([points, np.ones((2 * n_per_class, 1))])
    return X, y


def _matrix(X, *, columns=None):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or (columns is not None and X.shape[1] != columns):
        raise ValueError(f"X must be 2-D with {columns or 'any number of'} columns")
    return X


def _with_column(X, *, value=1.0, last=True):
    column = np.full((X.shape[0], 1), value)
    return np.hstack([X, column] if last else [column, X])


def add_bias(X):
    """[X | 1]: a column of ones appended last."""
    return _with_column(_matrix(X), value=1.0, last=True)


def _check_labels(*, y, n):
    y = np.asarray(y)
    if y.shape != (n,):
        raise ValueError("y must have one label per row of X")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    return y.astype(np.float64)


def _sweep(*, X, y, w):
    updates = 0
    for x_i, y_i in zip(X, y):
        if y_i * (w @ x_i) <= 0:
            w = w + y_i * x_i
            updates += 1
    return w, updates


def train_perceptron(X, y, w, epochs):
    """The perceptron rule swept in order; returns (w, updates per epoch)."""
    config = {**TRAIN_DEFAULTS, "epochs": epochs}
    X = _matrix(X)
    n, d = X.shape
    labels = _check_labels(y=y, n=n)
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError("w must have one weight per column of X")
    sweep = functools.partial(_sweep, X=X, y=labels)
    changes = []
    for _ in range(config["epochs"]):
        w, updates = sweep(w=w)
        changes.append(updates)
        if config["stop_when_clean"] and updates == 0:
            break
    return w, changes


def _decide(scores, *, positive, negative, at):
    return np.where(scores > at, positive, negative)


def predict(w, X):
    """+1 where w.x > 0, else -1."""
    scores = _matrix(X) @ np.asarray(w, dtype=np.float64)
    return _decide(scores, **DECISION)


def _norm(v, *, axis=None):
    return np.sqrt(np.sum(v * v, axis=axis))


def novikoff_bound(X, y, w_star):
    """(R/gamma)^2 for the separator w_star."""
    X = _matrix(X)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    length = _norm(w_star)
    if length == 0:
        raise ValueError("w_star is zero")
    R = np.max(_norm(X, axis=1))
    gamma = np.min(y * (X @ w_star)) / length
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def _feature_map(X, *, with_product=True):
    columns = [X[:, 0], X[:, 1]]
    if with_product:
        columns.append(X[:, 0] * X[:, 1])
    return np.column_stack(columns)


def xor_features(X):
    """phi(x_u, x_v) = (x_u, x_v, x_u*x_v) row-wise."""
    return _feature_map(_matrix(X, columns=2), product=True)
