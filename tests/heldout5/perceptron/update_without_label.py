"""On a mistake the update adds x_i without the label (w <- w + x_i instead of w + y_i x_i), so
points of class -1 push the weights the wrong way.

Edited from correct_loops.py.
"""

import numpy as np


def add_bias(X):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    out = np.ones((n, d + 1))
    for i in range(n):
        for j in range(d):
            out[i, j] = X[i, j]
    return out


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    n, d = X.shape
    if len(y) != n or len(w) != d:
        raise ValueError("shapes of X, y and w disagree")
    for label in y:
        if label != 1 and label != -1:
            raise ValueError("labels must be +1 or -1")
    w = [float(v) for v in w]
    changes = []
    for epoch in range(epochs):
        count = 0
        for i in range(n):
            act = 0.0
            for j in range(d):
                act += w[j] * X[i, j]
            if y[i] * act <= 0:
                for j in range(d):
                    w[j] += X[i, j]
                count += 1
        changes.append(count)
        if count == 0:
            break
    return np.array(w), changes


def predict(w, X):
    X = np.asarray(X, dtype=float)
    out = np.empty(X.shape[0], dtype=int)
    for i in range(X.shape[0]):
        act = sum(w[j] * X[i, j] for j in range(X.shape[1]))
        out[i] = 1 if act > 0 else -1
    return out


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=float)
    norm_w = np.sqrt(sum(v * v for v in w_star))
    R = 0.0
    gamma = None
    for i in range(X.shape[0]):
        R = max(R, np.sqrt(np.sum(X[i] ** 2)))
        m = y[i] * np.dot(w_star, X[i]) / norm_w
        if gamma is None or m < gamma:
            gamma = m
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=float)
    rows = []
    for u, v in X:
        rows.append([u, v, u * v])
    return np.array(rows, dtype=float).reshape(-1, 3)
