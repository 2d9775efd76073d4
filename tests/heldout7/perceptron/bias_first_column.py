"""add_bias puts the column of ones FIRST (np.concatenate([ones, X])) instead of last, the
convention of some textbooks: the bias weight becomes w[0] instead of w[-1] as the course asks.

Edited from correct_verbose.py.
"""

import math

import numpy as np


def add_bias(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be 2-D (n, d), got shape %s" % (X.shape,))
    ones = np.ones((X.shape[0], 1))
    result = np.concatenate([ones, X], axis=1)
    return result


def dot(a, b):
    total = 0.0
    for k in range(len(a)):
        total += a[k] * b[k]
    return total


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError("X must be 2-D, got shape %s" % (X.shape,))
    n_samples, n_features = X.shape
    if y.shape != (n_samples,):
        raise ValueError("y must have shape (%d,), got %s" % (n_samples, y.shape))
    for label in y:
        if label != 1 and label != -1:
            raise ValueError("labels must be -1 or +1, got %r" % (label,))
    weights = [float(v) for v in np.asarray(w, dtype=float).ravel()]
    if np.asarray(w).shape != (n_features,):
        raise ValueError("w must have shape (%d,), got %s" % (n_features, np.asarray(w).shape))
    changes = []
    epoch = 0
    while epoch < epochs:
        n_updates = 0
        for i in range(n_samples):
            x_i = X[i]
            y_i = float(y[i])
            if y_i * dot(weights, x_i) <= 0:
                for k in range(n_features):
                    weights[k] = weights[k] + y_i * x_i[k]
                n_updates += 1
        changes.append(n_updates)
        if n_updates == 0:
            break
        epoch += 1
    return np.array(weights), changes


def predict(w, X):
    X = np.asarray(X, dtype=float)
    labels = []
    for row in X:
        if dot(w, row) > 0:
            labels.append(1)
        else:
            labels.append(-1)
    return np.array(labels, dtype=int)


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=float)
    w_star = np.asarray(w_star, dtype=float)
    w_norm = math.sqrt(dot(w_star, w_star))
    if w_norm == 0:
        raise ValueError("w_star is zero, it separates nothing")
    R = 0.0
    for row in X:
        R = max(R, math.sqrt(dot(row, row)))
    margins = []
    for i in range(len(X)):
        margins.append(float(y[i]) * dot(w_star, X[i]) / w_norm)
    gamma = min(margins)
    if gamma <= 0:
        raise ValueError("w_star does not separate the data (margin %g)" % gamma)
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must have shape (n, 2), got %s" % (X.shape,))
    rows = []
    for x_u, x_v in X:
        rows.append([x_u, x_v, x_u * x_v])
    return np.array(rows, dtype=float).reshape(len(X), 3)
