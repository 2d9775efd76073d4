"""np.take(X, 1) without axis= takes flat index 1 of the flattened X, the single number X[0, 1],
instead of the second column: the product feature is x_u * X[0, 1] in every row (the first two
features are right), so it is only right where a row's x_v happens to equal the first row's.

In `xor_features`; written in the style of correct_indexing.
"""

import numpy as np


def two_gaussians(n_per_class, seed):
    rng = np.random.default_rng(seed)
    positive = rng.normal(0.0, 1.0, size=(n_per_class, 2))
    negative = rng.normal(3.0, 1.0, size=(n_per_class, 2))
    X = np.ones((2 * n_per_class, 3))
    X[0::2, :2] = positive
    X[1::2, :2] = negative
    y = np.ones(2 * n_per_class, dtype=int)
    y[1::2] = -1
    return X, y


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    n, d = X.shape
    X1 = np.zeros((n, d + 1))
    X1[:, np.arange(d)] = X
    np.put(X1, np.arange(n) * (d + 1) + d, 1.0)
    return X1


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    if np.flatnonzero((y != 1) & (y != -1)).size:
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError(f"w must have shape ({d},), got {w.shape}")
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(n):
            if y[i] * (X[i] @ w) <= 0:
                w = w + y[i] * X[i]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    s = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    return np.take(np.array([-1, 1]), (s > 0).astype(int))


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = np.linalg.norm(w_star)
    if norm == 0:
        raise ValueError("w_star is zero")
    norms = np.linalg.norm(X, axis=1)
    R = norms[np.argmax(norms)]
    margins = y * (X @ w_star)
    gamma = margins[np.argmin(margins)] / norm
    if gamma <= 0:
        raise ValueError(f"w_star does not separate the data (gamma = {gamma})")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    u = np.take(X, 0, axis=1)
    v = np.take(X, 1)
    Phi = np.empty((X.shape[0], 3))
    Phi[:, [0, 1]] = X
    Phi[:, 2] = u * v
    return Phi
