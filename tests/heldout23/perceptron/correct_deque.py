"""Perceptron learning with queues: add_bias keeps the feature columns in a deque and appends
the column of ones at its right end; every epoch of train_perceptron drains a fresh queue of the
sample indices with popleft, and the per-epoch update counts go into a history deque (bounded by
the number of epochs); predict queues the labels one score at a time; novikoff_bound reads R and
gamma off the ends of sorted deques (pop for the largest norm, popleft for the smallest margin);
xor_features appends the product column to a deque of the two input columns.

Correct solution (style: deque).
"""

from collections import deque

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
    X = np.hstack([points, np.ones((2 * n_per_class, 1))])
    return X, y


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (n, d), got shape {X.shape}")
    n, d = X.shape
    columns = deque(X.T, maxlen=d + 1)
    columns.append(np.ones(n))
    return np.column_stack(list(columns)).reshape(n, d + 1)


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (n, d), got shape {X.shape}")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError(f"w must have shape ({d},), got {w.shape}")
    history = deque(maxlen=max(epochs, 0))
    for _epoch in range(epochs):
        order = deque(range(n))
        updates = 0
        while order:
            i = order.popleft()
            if y[i] * (w @ X[i]) <= 0:
                w = w + y[i] * X[i]
                updates += 1
        history.append(updates)
        if updates == 0:
            break
    return w, list(history)


def predict(w, X):
    scores = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    labels = deque()
    for s in scores.tolist():
        labels.append(1 if s > 0 else -1)
    return np.array(labels, dtype=int).reshape(scores.shape)


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = np.linalg.norm(w_star)
    if norm == 0:
        raise ValueError("w_star is zero: it does not separate the data")
    norms = deque(sorted(np.linalg.norm(X, axis=1).tolist()))
    margins = deque(sorted((y * (X @ w_star)).tolist()))
    R = norms.pop()                                      # the largest row norm
    gamma = margins.popleft() / norm                     # the smallest margin
    if gamma <= 0:
        raise ValueError(f"w_star does not separate the data: gamma = {gamma:.3g} <= 0")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    columns = deque([X[:, 0], X[:, 1]], maxlen=3)
    columns.append(X[:, 0] * X[:, 1])
    return np.column_stack(list(columns))
