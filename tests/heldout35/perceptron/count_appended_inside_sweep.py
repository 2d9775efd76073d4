"""changes.append(k) is indented into the loop over samples.

The running count of the epoch is appended after every sample, so `changes` gets n entries per
epoch (partial counts) instead of one; the weights are still right.

Graded: train_perceptron (written from correct_textbook.py).
"""

import math

import numpy as np


def two_gaussians(n_per_class, seed):
    """The lecture's data set (provided, not graded)."""
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
    """x~_i = (x_i1, ..., x_id, 1) for every row i."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array")
    n, d = X.shape
    X_tilde = np.empty((n, d + 1))
    for i in range(n):
        for j in range(d):
            X_tilde[i, j] = X[i, j]
        X_tilde[i, d] = 1.0
    return X_tilde


def dot(w, x):
    """w . x = sum_j w_j x_j"""
    s = 0.0
    for j in range(len(w)):
        s += w[j] * x[j]
    return s


def train_perceptron(X, y, w, epochs):
    """for each epoch, for i = 1..n: if y_i (w . x_i) <= 0 then w <- w + y_i x_i."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError("y must have one label per row of X")
    for i in range(n):
        if y[i] != 1 and y[i] != -1:
            raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError("w must have one weight per column of X")
    changes = []
    for _t in range(epochs):
        k = 0  # number of updates in this epoch
        for i in range(n):
            # mistake: y_i (w . x_i) <= 0
            if y[i] * dot(w, X[i]) <= 0:
                # w <- w + y_i x_i
                for j in range(d):
                    w[j] = w[j] + y[i] * X[i, j]
                k = k + 1
            changes.append(k)
        if k == 0:
            break
    return w, changes


def predict(w, X):
    """y^_i = +1 if w . x_i > 0 else -1."""
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    n = X.shape[0]
    y_hat = np.empty(n, dtype=int)
    for i in range(n):
        y_hat[i] = 1 if dot(w, X[i]) > 0 else -1
    return y_hat


def novikoff_bound(X, y, w_star):
    """(R / gamma)^2 with R = max_i ||x_i|| and gamma = min_i y_i (w* . x_i) / ||w*||."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    n = X.shape[0]
    # ||w*|| = sqrt(sum_j w*_j^2)
    norm_w_star = math.sqrt(dot(w_star, w_star))
    if norm_w_star == 0:
        raise ValueError("w_star is zero: it does not separate the data")
    # R = max_i ||x_i||
    R = max(math.sqrt(dot(X[i], X[i])) for i in range(n))
    # gamma = min_i y_i (w* . x_i) / ||w*||
    gamma = min(y[i] * dot(w_star, X[i]) for i in range(n)) / norm_w_star
    if gamma <= 0:
        raise ValueError("w_star does not separate the data (gamma <= 0)")
    return float((R / gamma) ** 2)


def xor_features(X):
    """phi(x_u, x_v) = (x_u, x_v, x_u x_v) for every row."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must have shape (n, 2)")
    n = X.shape[0]
    Phi = np.empty((n, 3))
    for i in range(n):
        x_u, x_v = X[i, 0], X[i, 1]
        Phi[i, 0] = x_u
        Phi[i, 1] = x_v
        Phi[i, 2] = x_u * x_v
    return Phi
