"""The update adds y_i times X[i, :] (the MATLAB index i without the - 1) instead of x_i = X[i - 1, :].

Each update moves w along the NEXT sample with the current sample's label; an update at the last sample indexes past the end (IndexError).

Mistake in train_perceptron (written from correct_matlab.py).
"""

import numpy as np


def add_bias(X):
    """[X | 1]: a column of ones appended as the last column."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be a matrix")
    rows = X.shape[0]
    cols = X.shape[1]
    X1 = np.zeros((rows, cols + 1))
    X1[:, 0:cols] = X
    X1[:, cols] = np.ones(rows)
    return X1


def train_perceptron(X, y, w, epochs):
    """The perceptron rule, sweeping the rows in order; returns (w, changes)."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError("X must be a matrix")
    rows = X.shape[0]
    cols = X.shape[1]
    if y.ndim != 1 or y.shape[0] != rows:
        raise ValueError("y must have one label per row of X")
    for i in range(1, rows + 1):
        if y[i - 1] != 1 and y[i - 1] != -1:
            raise ValueError("labels must be -1 or +1")
    w0 = np.array(w, dtype=np.float64)
    if w0.ndim != 1 or w0.shape[0] != cols:
        raise ValueError("w must have one weight per column of X")
    w = w0
    changes = []
    for epoch in range(1, epochs + 1):
        count = 0
        for i in range(1, rows + 1):
            xi = X[i - 1, :]
            if y[i - 1] * np.dot(w, xi.T) <= 0:
                w = w + np.multiply(y[i - 1], X[i, :])
                count = count + 1
        changes.append(count)
        if count == 0:
            break
    return w, changes


def predict(w, X):
    """+1 where w.x > 0, else -1."""
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    rows = X.shape[0]
    yhat = np.zeros(rows, dtype=int)
    for i in range(1, rows + 1):
        if np.dot(X[i - 1, :], w) > 0:
            yhat[i - 1] = 1
        else:
            yhat[i - 1] = -1
    return yhat


def novikoff_bound(X, y, w_star):
    """(R / gamma)^2 with R the largest norm of a row and gamma the normalised margin."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    rows = X.shape[0]
    normw = np.sqrt(np.sum(np.multiply(w_star, w_star)))
    if normw == 0:
        raise ValueError("w_star is zero")
    norms = np.zeros(rows)
    margins = np.zeros(rows)
    for i in range(1, rows + 1):
        norms[i - 1] = np.sqrt(np.sum(np.multiply(X[i - 1, :], X[i - 1, :])))
        margins[i - 1] = np.divide(y[i - 1] * np.dot(X[i - 1, :], w_star), normw)
    R = np.max(norms)
    gamma = np.min(margins)
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float(np.divide(R, gamma) ** 2)


def xor_features(X):
    """phi(u, v) = (u, v, u*v) for every row."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must be n x 2")
    rows = X.shape[0]
    Phi = np.zeros((rows, 3))
    Phi[:, 0] = X[:, 0]
    Phi[:, 1] = X[:, 1]
    Phi[:, 2] = np.multiply(X[:, 0], X[:, 1])
    return Phi
