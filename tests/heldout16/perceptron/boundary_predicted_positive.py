"""predict uses s >= 0 instead of s > 0: a point exactly on the decision boundary (w . x = 0, e.g.
every point for w = 0) is predicted +1, but the contract says +1 only where w . x > 0 and -1
otherwise.

Mistake in `predict`, written in the style of correct_itertools.py.
"""

import operator
from functools import reduce
from itertools import count, islice, starmap

import numpy as np


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (n, d), got shape {X.shape}")
    ones = np.fromiter((1.0 for _ in range(X.shape[0])), dtype=np.float64, count=X.shape[0])
    return np.column_stack([X, ones])


def _visit(state, sample):
    w, updates = state
    x_i, y_i = sample
    if y_i * (w @ x_i) <= 0:
        return w + y_i * x_i, updates + 1
    return w, updates


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (n, d), got shape {X.shape}")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    if not all(v in (-1, 1) for v in y.tolist()):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError(f"w must have shape ({d},), got {w.shape}")
    changes = []
    for _ in islice(count(), epochs):
        w, updates = reduce(_visit, zip(X, y.astype(np.float64)), (w, 0))
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    w = np.asarray(w, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    scores = map(w.__matmul__, X)
    return np.fromiter((1 if s >= 0 else -1 for s in scores), dtype=int, count=X.shape[0])


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = float(np.linalg.norm(w_star))
    if norm == 0:
        raise ValueError("w_star is zero: it does not separate the data")
    R = max(map(np.linalg.norm, X))
    gamma = min(starmap(lambda x_i, y_i: y_i * (w_star @ x_i), zip(X, y))) / norm
    if gamma <= 0:
        raise ValueError(f"w_star does not separate the data (gamma = {gamma})")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    products = np.fromiter((reduce(operator.mul, row, 1.0) for row in X), dtype=np.float64,
                           count=X.shape[0])
    return np.column_stack([X, products])
