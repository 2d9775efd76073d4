"""train_perceptron: Trains on the caller's weight array: np.asarray does not copy a float array,
so the in-place w += ... modifies the initial weights passed in.

Held-out batch 2 (H4): correct_matrix.py with this one mistake.
"""

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
    return np.hstack([points, np.ones((2 * n_per_class, 1))]), y


def add_bias(X):
    X = np.asarray(X, dtype=float)
    out = np.empty((X.shape[0], X.shape[1] + 1))
    out[:, :-1] = X
    out[:, -1] = 1.0
    return out


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if len(X) != len(y) or X.shape[1] != len(w):
        raise ValueError("shape mismatch")
    if np.any((y != 1) & (y != -1)):
        raise ValueError("labels must be +-1")
    w = np.asarray(w, dtype=float)
    changes = []
    for _ in range(epochs):
        mistakes = 0
        for i in range(len(X)):
            if y[i] * np.dot(w, X[i]) <= 0:
                w += y[i] * X[i]
                mistakes += 1
        changes.append(mistakes)
        if not mistakes:
            break
    return w, changes


def predict(w, X):
    scores = np.einsum("nd,d->n", np.asarray(X, dtype=float), np.asarray(w, dtype=float))
    out = -np.ones(len(scores), dtype=int)
    out[scores > 0] = 1
    return out


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=float)
    w_star = np.asarray(w_star, dtype=float)
    margins = np.asarray(y) * np.einsum("nd,d->n", X, w_star) / np.sqrt(w_star @ w_star)
    gamma = margins.min()
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    R2 = np.einsum("nd,nd->n", X, X).max()
    return float(R2 / gamma**2)


def xor_features(X):
    X = np.asarray(X, dtype=float)
    return np.concatenate([X, np.prod(X, axis=1, keepdims=True)], axis=1)
