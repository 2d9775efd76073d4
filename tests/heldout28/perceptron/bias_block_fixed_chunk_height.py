"""The column of ones for each block has CHUNK rows instead of the block's own number of rows.

When n is not a multiple of four the last, shorter block cannot be stacked with a four-row
column of ones: add_bias raises ValueError.

Single mistake in add_bias; written from correct_chunked.
"""

import numpy as np

CHUNK = 4


def _starts(n):
    return range(0, n, CHUNK)


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


def add_bias(X):
    """[X | 1]: a column of ones appended as the last column."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    n, d = X.shape
    parts = [np.empty((0, d + 1))]
    for start in _starts(n):
        block = X[start:start + CHUNK]
        parts.append(np.hstack([block, np.ones((CHUNK, 1))]))
    return np.concatenate(parts, axis=0)


def train_perceptron(X, y, w, epochs):
    """The perceptron rule swept in order, block by block; returns (w, changes)."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    n = X.shape[0]
    if y.shape != (n,):
        raise ValueError("y must have one label per row of X")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (X.shape[1],):
        raise ValueError("w must have one weight per column of X")
    changes = []
    for _ in range(epochs):
        updates = 0
        for start in _starts(n):
            stop = start + CHUNK
            block_X = X[start:stop]
            block_y = y[start:stop]
            for x_i, y_i in zip(block_X, block_y):
                if y_i * (w @ x_i) <= 0:
                    w = w + y_i * x_i
                    updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    """+1 where w.x > 0, else -1, one block of rows at a time."""
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    n = X.shape[0]
    out = np.full(n, -1, dtype=int)
    for start in _starts(n):
        scores = X[start:start + CHUNK] @ w
        out[start:start + CHUNK] = np.where(scores > 0, 1, -1)
    return out


def novikoff_bound(X, y, w_star):
    """(R / gamma)^2 from per-block maxima and minima; ValueError if w_star does not separate."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = float(np.linalg.norm(w_star))
    if norm == 0:
        raise ValueError("w_star is zero")
    radius = 0.0
    least = np.inf
    for start in _starts(X.shape[0]):
        block = X[start:start + CHUNK]
        radius = max(radius, float(np.max(np.linalg.norm(block, axis=1))))
        least = min(least, float(np.min(y[start:start + CHUNK] * (block @ w_star))))
    gamma = least / norm
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((radius / gamma) ** 2)


def xor_features(X):
    """(x_u, x_v, x_u * x_v) row-wise, one block of rows at a time."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must have shape (n, 2)")
    parts = [np.empty((0, 3))]
    for start in _starts(X.shape[0]):
        block = X[start:start + CHUNK]
        parts.append(np.column_stack([block[:, 0], block[:, 1], block[:, 0] * block[:, 1]]))
    return np.concatenate(parts, axis=0)
