"""R is max(norms), the largest KEY of the dict of row norms (the last row number n - 1), instead
of the largest norm: the bound is ((n - 1)/gamma)^2 instead of (R/gamma)^2, and it is 0 for a
single sample.

Mistake in `novikoff_bound`, written from correct_dicts.py.
"""

import numpy as np

LABEL = {True: 1, False: -1}


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (n, d), got shape {X.shape}")
    n, d = X.shape
    columns = {j: X[:, j] for j in range(d)}
    columns[d] = np.ones(n)
    return np.column_stack(list(columns.values()))


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (n, d), got shape {X.shape}")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    if not all(v in (-1, 1) for v in y.tolist()):
        raise ValueError("labels must be -1 or +1")
    state = {"w": np.array(w, dtype=np.float64)}
    if state["w"].shape != (d,):
        raise ValueError(f"w must have shape ({d},), got {state['w'].shape}")
    history = {}
    record = {"updates": 0}
    for epoch in range(epochs):
        record["updates"] = 0
        for i in range(n):
            if y[i] * (state["w"] @ X[i]) <= 0:
                state["w"] = state["w"] + y[i] * X[i]
                record["updates"] += 1
        history[epoch] = dict(record)              # a snapshot of this epoch's record
        if record["updates"] == 0:
            break
    changes = [entry["updates"] for entry in history.values()]
    return state["w"], changes


def predict(w, X):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    scores = {i: float(X[i] @ w) for i in range(X.shape[0])}
    return np.array([LABEL[scores[i] > 0] for i in scores], dtype=int)


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    size = float(np.linalg.norm(w_star))
    if size == 0:
        raise ValueError("w_star is zero: it does not separate the data")
    norms = {i: float(np.linalg.norm(X[i])) for i in range(X.shape[0])}
    margins = {i: float(y[i] * (X[i] @ w_star)) / size for i in range(X.shape[0])}
    stats = {"R": max(norms), "gamma": min(margins.values())}
    if stats["gamma"] <= 0:
        raise ValueError(f"w_star does not separate the data: gamma = {stats['gamma']:.3g}")
    return float((stats["R"] / stats["gamma"]) ** 2)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    features = {"u": X[:, 0], "v": X[:, 1], "uv": X[:, 0] * X[:, 1]}
    return np.column_stack([features[name] for name in features])


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
