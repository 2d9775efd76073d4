"""The walrus is written without parentheses, gamma := min(...) / norm <= 0, which binds gamma to
the COMPARISON (a bool) instead of the margin: for separable data gamma is False, the check
passes, and R / gamma divides by a numpy False (zero), so the bound comes out infinite; for a
non-separating w* gamma is True and the ValueError is still raised.

Graded function: `novikoff_bound`. Written in the style of correct_matchcase.py.
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
    match X.shape:
        case (n, d):
            return np.hstack([X, np.ones((n, 1))])
        case shape:
            raise ValueError(f"X must be 2-D (n, d), got shape {shape}")


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    match X.shape:
        case (n, d):
            pass
        case shape:
            raise ValueError(f"X must be 2-D (n, d), got shape {shape}")
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    if bad := [i for i, label in enumerate(y.tolist()) if label not in (-1, 1)]:
        raise ValueError(f"y[{bad[0]}] = {y[bad[0]]!r} is not -1 or +1")
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError(f"w must have shape ({d},), got {w.shape}")
    changes = []
    for _ in range(epochs):
        updates = 0
        for x_i, y_i in zip(X, y.tolist(), strict=True):
            if y_i * (w @ x_i) <= 0:
                w = w + y_i * x_i
                updates += 1
        changes.append(updates)
        if updates == 0:
            return w, changes
    return w, changes


def _label(score):
    return 1 if score > 0 else -1


def predict(w, X):
    scores = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    return np.array([_label(s) for s in scores.tolist()], dtype=int)


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    if (norm := float(np.sqrt(w_star @ w_star))) == 0:
        raise ValueError("w_star is zero: it separates nothing")
    R = max(float(np.sqrt(x @ x)) for x in X)
    if gamma := min(y_i * (x @ w_star) for x, y_i in zip(X, y, strict=True)) / norm <= 0:
        raise ValueError(f"w_star does not separate the data: gamma = {gamma:.3g}")
    return float((R / gamma) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    match X.shape:
        case (n, 2):
            return np.array([[u, v, u * v] for u, v in X.tolist()], dtype=np.float64).reshape(n, 3)
        case shape:
            raise ValueError(f"X must have shape (n, 2), got {shape}")
