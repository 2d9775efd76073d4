"""The mistake test asks for bisect_left(...) == 1 instead of == 0.

A point counts as a mistake when its y·(w·x) lies ABOVE the edge 0: the perceptron updates on
correctly classified points and never on mistakes (from w = 0 nothing is ever updated).

One mistake in correct_bisect (style: bisect), in `train_perceptron`.
"""

import bisect

import numpy as np

LABEL_TABLE = np.array([-1, 1])    # sorted
EDGE = [0.0]


def two_gaussians(n_per_class, seed):
    """Provided: two Gaussian clouds, class +1 ~ N(0, I), class -1 ~ N(3·1, I), bias column last."""
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


def _valid_labels(y):
    pos = np.searchsorted(LABEL_TABLE, y, side="left")
    found = LABEL_TABLE[np.minimum(pos, LABEL_TABLE.size - 1)]
    return bool(np.all(found == y))


def add_bias(X):
    """[X | 1]: a column of ones appended last."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    return np.concatenate([X, np.ones((X.shape[0], 1))], axis=1)


def train_perceptron(X, y, w, epochs):
    """The lecture's rule, in order, until an epoch without updates or `epochs` epochs."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    if not _valid_labels(y):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError(f"w must have shape ({d},), got {w.shape}")
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(n):
            if bisect.bisect_left(EDGE, y[i] * (w @ X[i])) == 1:   # at or below the edge
                w = w + y[i] * X[i]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    """+1 where w·x > 0, else -1: bin of the score among the edge 0, label from the table."""
    s = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    return LABEL_TABLE[np.digitize(s, EDGE, right=True)]


def novikoff_bound(X, y, w_star):
    """(R/gamma)^2 with R the largest norm and gamma the smallest normalised margin."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = np.linalg.norm(w_star)
    if norm == 0:
        raise ValueError("w_star is zero")
    norms = np.sort(np.linalg.norm(X, axis=1))
    margins = np.sort(y * (X @ w_star)) / norm
    R, gamma = norms[-1], margins[0]
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    """phi(u, v) = (u, v, u·v) row-wise."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    return np.concatenate([X, (X[:, 0] * X[:, 1])[:, None]], axis=1)
