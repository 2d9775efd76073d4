"""Perceptron learning written by dispatch on names: the rules (a mistake, a positive score),
the two possible steps of training, Novikoff's two statistics and the XOR features are dicts of
functions keyed by strings, and the API functions look up what to do.

Correct solution (style: reflection).
"""

import operator

import numpy as np

_RULES = {
    "mistake": lambda margin: margin <= 0,
    "positive": lambda score: score > 0,
}
_STEPS = {
    True: lambda w, x_i, y_i: w + y_i * x_i,
    False: lambda w, x_i, y_i: w,
}
_LABELS = {True: 1, False: -1}
_NUMPY = {"join": "hstack"}
_STATS = {
    "R": lambda X, y, w: np.max(np.linalg.norm(X, axis=1)),
    "gamma": lambda X, y, w: np.min(y * (X @ w)) / np.linalg.norm(w),
}
_FEATURES = {
    "u": operator.itemgetter((slice(None), 0)),
    "v": operator.itemgetter((slice(None), 1)),
    "uv": lambda X: X[:, 0] * X[:, 1],
}


def _matrix(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array")
    return X


def add_bias(X):
    """[X | 1]: a column of ones appended last."""
    X = _matrix(X)
    return getattr(np, _NUMPY["join"])([X, np.ones((X.shape[0], 1))])


def train_perceptron(X, y, w, epochs):
    """The lecture's perceptron rule, epochs of in-order sweeps; returns (w, changes)."""
    X = _matrix(X)
    y = np.asarray(y)
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError("y must have one label per row of X")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError("w must have one weight per column of X")
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(n):
            mistake = bool(_RULES["mistake"](y[i] * (w @ X[i])))
            w = _STEPS[mistake](w, X[i], y[i])
            updates += mistake
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    """+1 where w.x > 0, else -1."""
    scores = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    return np.array([_LABELS[bool(_RULES["positive"](s))] for s in scores], dtype=int)


def novikoff_bound(X, y, w_star):
    """(R / gamma)^2, R and gamma looked up by name."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    if np.linalg.norm(w_star) == 0:
        raise ValueError("w_star is zero")
    stats = {name: stat(X, y, w_star) for name, stat in _STATS.items()}
    if stats["gamma"] <= 0:
        raise ValueError("w_star does not separate the data")
    return float(operator.pow(operator.truediv(stats["R"], stats["gamma"]), 2))


def xor_features(X):
    """phi(u, v) = (u, v, u*v) row-wise, the columns built by name."""
    X = _matrix(X)
    if X.shape[1] != 2:
        raise ValueError("X must have two columns")
    return np.column_stack([_FEATURES[name](X) for name in ("u", "v", "uv")])
