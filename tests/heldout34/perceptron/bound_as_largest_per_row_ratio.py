"""The bound is computed row by row as max_i (||x_i|| / margin_i)^2 instead of (max_i ||x_i|| / min_i margin_i)^2.

The two tables are divided entry by entry before the maximum is taken: the largest radius and the
smallest margin usually belong to different rows, so the result is smaller than (R/gamma)^2.

Graded: novikoff_bound; written from correct_tables.py.
"""

import itertools

import numpy as np

LABEL_TABLE = {-1: -1.0, 1: 1.0}
SIGN_TABLE = np.array([-1, 1])  # index 0: score <= 0, index 1: score > 0
# phi = (x_u, x_v, x_u*x_v): the products of every non-empty subset of the two columns
XOR_MONOMIALS = tuple(c for r in (1, 2) for c in itertools.combinations((0, 1), r))


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


def add_bias(X):
    """[X | 1]: a column of ones appended last."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    out = np.ones((X.shape[0], X.shape[1] + 1))
    out[:, :-1] = X
    return out


def _labels(y, n):
    y = np.asarray(y)
    if y.shape != (n,):
        raise ValueError("y must have one label per row of X")
    labels = []
    for v in y.tolist():
        if v not in LABEL_TABLE:
            raise ValueError("labels must be -1 or +1")
        labels.append(LABEL_TABLE[v])
    return np.array(labels, dtype=np.float64)


def train_perceptron(X, y, w, epochs):
    """The perceptron rule swept in order; returns (w, updates per epoch)."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    n, d = X.shape
    labels = _labels(y, n)
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError("w must have one weight per column of X")
    signed = labels[:, None] * X  # row i is y_i * x_i
    changes = []
    for _ in range(epochs):
        count = 0
        for i in range(n):
            if w @ signed[i] <= 0:
                w = w + signed[i]
                count += 1
        changes.append(count)
        if count == 0:
            break
    return w, changes


def predict(w, X):
    """+1 where w.x > 0, else -1."""
    scores = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    return SIGN_TABLE[(scores > 0).astype(int)]


def novikoff_bound(X, y, w_star):
    """(R/gamma)^2 for the separator w_star."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = np.sqrt(np.sum(w_star * w_star))
    if norm == 0:
        raise ValueError("w_star is zero")
    radii = np.sqrt(np.sum(X * X, axis=1))
    margins = y * (X @ w_star) / norm
    gamma = margins.min()
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float(np.max(radii / margins) ** 2)


def xor_features(X):
    """phi(x_u, x_v) = (x_u, x_v, x_u*x_v) row-wise."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must have shape (n, 2)")
    return np.column_stack([np.prod(X[:, list(cols)], axis=1) for cols in XOR_MONOMIALS])
