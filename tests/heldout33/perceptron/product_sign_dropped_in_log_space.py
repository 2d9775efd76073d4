"""The XOR product is exp(log|u| + log|v|) without the sign of u v.

The product is taken as a sum of logs of absolute values and the signs are never put back: the
third feature is |x_u x_v|, wrong wherever exactly one of the two inputs is negative.

Graded: xor_features. Written from correct_logdomain.py.
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
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    ones = np.exp(np.zeros((X.shape[0], 1)))  # e^0 = 1
    return np.hstack([X, ones])


def _check(X, y, w):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError("y must have one label per row of X")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError("w must have one weight per column of X")
    return X, y, w


def train_perceptron(X, y, w, epochs):
    X, y, w = _check(X, y, w)
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(X.shape[0]):
            if y[i] * np.dot(w, X[i]) <= 0:
                w = w + y[i] * X[i]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def _log_sigmoid(s):
    """log sigma(s) = -log(1 + e^{-s})."""
    return -np.logaddexp(0.0, -s)


def predict(w, X):
    s = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    log_odds = _log_sigmoid(s) - _log_sigmoid(-s)  # = s
    return np.where(log_odds > 0, 1, -1)


def _log_norms(A):
    """log of the Euclidean norm of each row: 0.5 log sum a^2."""
    with np.errstate(divide="ignore"):
        return 0.5 * np.log(np.sum(A * A, axis=-1))


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    log_w = _log_norms(w_star)
    if log_w == -np.inf:
        raise ValueError("w_star is zero")
    worst = np.min(y * (X @ w_star))
    if worst <= 0:
        raise ValueError("w_star does not separate the data")
    log_R = np.max(_log_norms(X))
    log_gamma = np.log(worst) - log_w
    return float(np.exp(2.0 * (log_R - log_gamma)))


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must have shape (n, 2)")
    u, v = X[:, 0], X[:, 1]
    with np.errstate(divide="ignore"):
        log_abs = np.log(np.abs(u)) + np.log(np.abs(v))
    product = np.exp(log_abs)
    return np.column_stack([u, v, product])
