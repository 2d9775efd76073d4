"""The copy of the initial weights is made with dtype=int: fractional starting weights are
truncated towards 0 (w = [0.7, -0.4, 1.9] starts as [0, 0, 1]), so training from a non-zero w
follows the wrong path.

Mistake in `train_perceptron`; written in the style of correct_einsum.py.
"""

import numpy as np


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    return np.concatenate([X, np.ones((X.shape[0], 1))], axis=1)


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError("y must have one label per row of X")
    if not np.isin(y, (-1, 1)).all():
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=int)
    if w.shape != (d,):
        raise ValueError("w must have one weight per column of X")
    changes = []
    for _ in range(epochs):
        count = 0
        for i in range(n):
            if y[i] * np.einsum("j,j->", w, X[i]) <= 0:
                w = w + y[i] * X[i]
                count += 1
        changes.append(count)
        if count == 0:
            break
    return w, changes


def predict(w, X):
    scores = np.tensordot(np.asarray(X, dtype=np.float64), np.asarray(w, dtype=np.float64),
                          axes=1)
    return np.where(scores > 0, 1, -1)


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    w_norm = np.sqrt(np.einsum("j,j->", w_star, w_star))
    if w_norm == 0:
        raise ValueError("w_star is zero")
    R = np.sqrt(np.einsum("ij,ij->i", X, X).max())
    gamma = np.einsum("i,ij,j->i", y, X, w_star).min() / w_norm
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must be (n, 2)")
    prod = np.einsum("i,i->i", X[:, 0], X[:, 1])
    return np.concatenate([X, prod[:, None]], axis=1)
