"""The config dtype is np.float32 ("to save memory") instead of np.float64.

Every array is converted to single precision: add_bias and xor_features return float32 arrays,
and the weights, scores and the bound are computed with about 7 significant digits.

One mistake in correct_config (style: config), in `add_bias, train_perceptron, predict, novikoff_bound, xor_features`.
"""

import numpy as np

DTYPE = np.float32
LABELS = (-1, 1)               # (label below the boundary, label above it)
BIAS = 1.0                     # the value of the bias input
MARGIN = 0.0                   # y·(w·x) <= MARGIN is a mistake

UPDATES = {
    "perceptron": lambda w, x, y: w + y * x,
}
FEATURES = {
    "u": lambda X: X[:, 0],
    "v": lambda X: X[:, 1],
    "uv": lambda X: X[:, 0] * X[:, 1],
}
DEFAULTS = {"rule": "perceptron", "features": ("u", "v", "uv")}


def two_gaussians(n_per_class, seed):
    """Provided: two Gaussian clouds, class +1 ~ N(0, I), class -1 ~ N(3·1, I), bias column last."""
    rng = np.random.default_rng(seed)
    positive = rng.normal(0.0, 1.0, size=(n_per_class, 2))
    negative = rng.normal(3.0, 1.0, size=(n_per_class, 2))
    points = np.empty((2 * n_per_class, 2))
    points[0::2] = positive
    points[1::2] = negative
    y = np.empty(2 * n_per_class, dtype=int)
    y[0::2] = 1
    y[1::2] = -1
    X = np.hstack([points, np.ones((2 * n_per_class, 1))])
    return X, y


def add_bias(X):
    """[X | BIAS]: the bias input as the last column."""
    X = np.asarray(X, dtype=DTYPE)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    return np.hstack([X, np.full((X.shape[0], 1), BIAS, dtype=DTYPE)])


def train_perceptron(X, y, w, epochs):
    """The lecture's rule, in order, until an epoch without updates or `epochs` epochs."""
    X = np.asarray(X, dtype=DTYPE)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    if not np.all(np.isin(y, LABELS)):
        raise ValueError(f"labels must be in {LABELS}")
    w = np.array(w, dtype=DTYPE)
    if w.shape != (d,):
        raise ValueError(f"w must have shape ({d},), got {w.shape}")
    rule = UPDATES[DEFAULTS["rule"]]
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(n):
            if y[i] * (w @ X[i]) <= MARGIN:
                w = rule(w, X[i], y[i])
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    """LABELS[1] where w·x > MARGIN, else LABELS[0]."""
    s = np.asarray(X, dtype=DTYPE) @ np.asarray(w, dtype=DTYPE)
    return np.where(s > MARGIN, LABELS[1], LABELS[0])


def novikoff_bound(X, y, w_star):
    """(R/gamma)^2 with R = max ||x_i|| and gamma = min y_i (w*·x_i) / ||w*||."""
    X = np.asarray(X, dtype=DTYPE)
    y = np.asarray(y, dtype=DTYPE)
    w_star = np.asarray(w_star, dtype=DTYPE)
    norm = np.linalg.norm(w_star)
    if norm == 0:
        raise ValueError("w_star is zero")
    R = np.linalg.norm(X, axis=1).max()
    gamma = (y * (X @ w_star)).min() / norm
    if gamma <= MARGIN:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    """phi(u, v) = (u, v, u·v) row-wise, the features named in DEFAULTS."""
    X = np.asarray(X, dtype=DTYPE)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    return np.column_stack([FEATURES[name](X) for name in DEFAULTS["features"]])
