"""The perceptron with numpy ufuncs and their methods: np.multiply/np.add for the margins and
updates, np.greater for the decision, the radius and the margin from np.add.reduce,
np.maximum.reduce and np.minimum.reduce, the XOR feature as np.multiply.reduce over a row.

Correct solution (style: ufunc).
"""

import numpy as np


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    return np.concatenate((X, np.ones((X.shape[0], 1))), axis=1)


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2 or y.shape != (X.shape[0],):
        raise ValueError("X must be (n, d) and y (n,)")
    if not np.logical_and.reduce(np.logical_or(np.equal(y, 1), np.equal(y, -1)), axis=None):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (X.shape[1],):
        raise ValueError("w must have one entry per column of X")
    n = X.shape[0]
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(n):
            if np.multiply(y[i], np.dot(w, X[i])) <= 0:
                w = np.add(w, np.multiply(y[i], X[i]))
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    s = np.dot(np.asarray(X, dtype=np.float64), np.asarray(w, dtype=np.float64))
    return np.where(np.greater(s, 0), 1, -1)


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = np.sqrt(np.add.reduce(np.multiply(w_star, w_star)))
    if norm == 0:
        raise ValueError("w_star is zero")
    R = np.maximum.reduce(np.sqrt(np.add.reduce(np.multiply(X, X), axis=1)))
    gamma = np.divide(np.minimum.reduce(np.multiply(y, np.dot(X, w_star))), norm)
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float(np.square(np.divide(R, gamma)))


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must be (n, 2)")
    return np.concatenate([X, np.multiply.reduce(X, axis=1, keepdims=True)], axis=1)
