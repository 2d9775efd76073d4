"""The loop over the samples starts at i = 1, as if sample 0 had been used to initialise R and
gamma (it was not: they start at 0 and infinity): the first sample is left out, so R and gamma
are wrong whenever it has the largest norm or the smallest margin (and a w* that misclassifies
only sample 0 is accepted).

Mistake in `novikoff_bound`, written from correct_whileloops.py.
"""

import numpy as np


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (n, d), got shape {X.shape}")
    n, d = X.shape
    out = np.ones((n, d + 1))
    j = 0
    while j < d:
        out[:, j] = X[:, j]
        j += 1
    return out


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (n, d), got shape {X.shape}")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    i = 0
    while i < n:
        if y[i] != 1 and y[i] != -1:
            raise ValueError(f"labels must be -1 or +1, y[{i}] = {y[i]!r}")
        i += 1
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError(f"w must have shape ({d},), got {w.shape}")
    changes = []
    epoch = 0
    while epoch < epochs:
        updates = 0
        i = 0
        while i < n:
            if y[i] * (w @ X[i]) <= 0:
                w = w + y[i] * X[i]
                updates += 1
            i += 1
        changes.append(updates)
        epoch += 1
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    n = X.shape[0]
    y_hat = np.zeros(n, dtype=int)
    i = 0
    while i < n:
        y_hat[i] = 1 if X[i] @ w > 0 else -1
        i += 1
    return y_hat


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    size = np.sqrt(w_star @ w_star)
    if size == 0:
        raise ValueError("w_star is zero: it does not separate the data")
    n = X.shape[0]
    if n == 0:
        raise ValueError("no samples")
    R = 0.0
    gamma = np.inf
    i = 1
    while i < n:
        R = max(R, float(np.sqrt(X[i] @ X[i])))
        gamma = min(gamma, float(y[i] * (X[i] @ w_star)) / size)
        i += 1
    if gamma <= 0:
        raise ValueError(f"w_star does not separate the data: gamma = {gamma:.3g}")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    n = X.shape[0]
    Phi = np.empty((n, 3))
    i = 0
    while i < n:
        u, v = X[i]
        Phi[i] = (u, v, u * v)
        i += 1
    return Phi


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
