"""The result is not transposed back: add_bias returns the (d + 1, n) features x samples table it
worked on (the bias as a last ROW) instead of the (n, d + 1) array with the ones as the last
column, so the shape is wrong (and a square X gets a row of ones instead of a column).

Mistake in `add_bias`, written in the style of correct_colmajor.py.
"""

import numpy as np


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n, d), got shape {X.shape}")
    Xt = X.T                                              # (d, n)
    Xt1 = np.vstack([Xt, np.ones((1, Xt.shape[1]))])      # the bias as a last feature row
    return Xt1


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n, d), got shape {X.shape}")
    Xt = X.T                                              # (d, n): one column per sample
    d, n = Xt.shape
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError(f"w must have shape ({d},), got {w.shape}")
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(n):
            x_i = Xt[:, i]
            if y[i] * (w @ x_i) <= 0:
                w = w + y[i] * x_i
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    Xt = np.asarray(X, dtype=np.float64).T                # (d, n)
    scores = np.asarray(w, dtype=np.float64) @ Xt         # (n,): one score per sample column
    return np.where(scores > 0, 1, -1)


def novikoff_bound(X, y, w_star):
    Xt = np.asarray(X, dtype=np.float64).T                # (d, n)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = np.sqrt(np.sum(w_star * w_star))
    if norm == 0:
        raise ValueError("w_star is zero: it does not separate the data")
    R = np.max(np.sqrt(np.sum(Xt * Xt, axis=0)))          # the norms of the sample columns
    gamma = np.min(y * (w_star @ Xt)) / norm
    if gamma <= 0:
        raise ValueError(f"w_star does not separate the data (gamma = {gamma:.3g})")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    Xt = X.T                                              # (2, n): rows x_u and x_v
    Phi_t = np.vstack([Xt, Xt[0] * Xt[1]])                # (3, n)
    return Phi_t.T


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
    return np.hstack([points, np.ones((2 * n_per_class, 1))]), y
