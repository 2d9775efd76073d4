"""predict drops the last column and weight (thinking the bias is handled separately): the score is w.x without the bias term, so the boundary goes through the origin.

Graded function: predict. Edited from correct_loops.py.
"""

import numpy as np


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    rows = []
    for r in range(X.shape[0]):
        row = list(X[r])
        row.append(1.0)
        rows.append(row)
    return np.array(rows, dtype=np.float64).reshape(X.shape[0], X.shape[1] + 1)


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or len(y) != X.shape[0]:
        raise ValueError("X must be (n, d) and y (n,)")
    for label in y:
        if label != 1 and label != -1:
            raise ValueError("labels must be +1 or -1, got %r" % (label,))
    weights = [float(v) for v in np.asarray(w, dtype=np.float64).ravel()]
    if np.ndim(w) != 1 or len(weights) != X.shape[1]:
        raise ValueError("w must have shape (%d,)" % X.shape[1])
    n, d = X.shape
    changes = []
    epoch = 0
    while epoch < epochs:
        count = 0
        for i in range(n):
            activation = 0.0
            for j in range(d):
                activation += weights[j] * X[i, j]
            if y[i] * activation <= 0:
                for j in range(d):
                    weights[j] = weights[j] + y[i] * X[i, j]
                count += 1
        changes.append(count)
        epoch += 1
        if count == 0:
            break
    return np.array(weights, dtype=np.float64), changes


def predict(w, X):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    out = []
    for i in range(X.shape[0]):
        score = float(np.dot(X[i, :-1], w[:-1]))
        if score > 0:
            out.append(1)
        else:
            out.append(-1)
    return np.array(out, dtype=int)


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm_w = np.sqrt(np.sum(w_star ** 2))
    if norm_w == 0:
        raise ValueError("w_star is zero")
    R = 0.0
    gamma = None
    for i in range(X.shape[0]):
        length = np.sqrt(np.sum(X[i] ** 2))
        if length > R:
            R = length
        m = y[i] * np.dot(w_star, X[i]) / norm_w
        if gamma is None or m < gamma:
            gamma = m
    if gamma is None or gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must be (n, 2)")
    Phi = np.empty((X.shape[0], 3))
    for i in range(X.shape[0]):
        u = X[i, 0]
        v = X[i, 1]
        Phi[i, 0] = u
        Phi[i, 1] = v
        Phi[i, 2] = u * v
    return Phi
