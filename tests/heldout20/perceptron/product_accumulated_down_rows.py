"""The running product is taken down the rows (axis=0) instead of along each row (axis=1): its last
column is x_v of the first i samples multiplied together, not x_u * x_v of sample i, so the
third feature is wrong for every row after the first (and for the first unless x_u = 1).

Mistake in `xor_features`; written in the style of correct_cumulative.py.
"""

import numpy as np

LABELS = np.array([-1, 1])


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    n, d = X.shape
    X1 = np.ones((n, d + 1))
    X1[:, :d] = X
    return X1


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y has shape {y.shape}, expected ({n},)")
    if not np.array_equal(LABELS[np.searchsorted(LABELS, y).clip(0, 1)], y):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError(f"w has shape {w.shape}, expected ({d},)")
    totals = []                      # running number of updates after each epoch
    done = 0
    for _ in range(epochs):
        before = done
        for i in range(n):
            if y[i] * (w @ X[i]) <= 0:
                w = w + y[i] * X[i]
                done += 1
        totals.append(done)
        if done == before:
            break
    changes = np.diff(np.concatenate(([0], totals))).astype(int).tolist()
    return w, changes


def predict(w, X):
    s = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    return LABELS[np.digitize(s, [0.0], right=True)]       # bin 0: s <= 0, bin 1: s > 0


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = np.sqrt(np.cumsum(w_star * w_star)[-1])
    if norm == 0:
        raise ValueError("w_star is zero")
    sq_norms = np.cumsum(X * X, axis=1)[:, -1]             # each row's running sum ends at |x_i|^2
    R = np.sqrt(np.sort(sq_norms)[-1])
    margins = y * (X @ w_star)
    gamma = np.minimum.accumulate(margins)[-1] / norm
    if gamma <= 0:
        raise ValueError(f"w_star does not separate the data (gamma = {gamma})")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    running = np.cumprod(X, axis=0)                        # (x_u, x_u * x_v) per row
    return np.column_stack([X, running[:, -1]])
