"""Perceptron learning written defensively: every function converts and checks its arguments
first (2-D X, labels that are all -1 or +1, matching shapes) and raises ValueError early; the
initial weights are copied, their scale is checked, the margin of every sample gets a name and a
guard clause skips the samples that are already classified; the number of updates of an epoch
is checked against n. novikoff_bound names R, the margins and gamma and refuses a zero or
non-separating w*.

Correct solution (style: defensive).
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
    X = np.hstack([points, np.ones((2 * n_per_class, 1))])
    return X, y


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (n, d), got shape {X.shape}")
    n, d = X.shape
    ones = np.ones((n, 1))
    X1 = np.hstack([X, ones])
    assert X1.shape == (n, d + 1)
    return X1


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (n, d), got shape {X.shape}")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    labels_ok = (y == 1) | (y == -1)
    if not bool(np.all(labels_ok)):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=np.float64)                    # a private copy
    if w.shape != (d,):
        raise ValueError(f"w must have shape ({d},), got {w.shape}")
    assert np.all(np.isfinite(w)), "the initial weights must be finite"
    changes = []
    for _epoch in range(epochs):
        updates = 0
        for i in range(n):
            margin = y[i] * (w @ X[i])
            if margin > 0:
                continue                                 # classified: nothing to do
            w = w + y[i] * X[i]
            updates += 1
        assert 0 <= updates <= n
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    if X.ndim != 2 or w.shape != (X.shape[1],):
        raise ValueError(f"w {w.shape} does not fit X {X.shape}")
    scores = X @ w
    positive = scores > 0
    y_hat = np.where(positive, 1, -1)
    assert y_hat.shape == (X.shape[0],)
    return y_hat


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = float(np.linalg.norm(w_star))
    if norm == 0:
        raise ValueError("w_star is zero: it does not separate the data")
    row_norms = np.linalg.norm(X, axis=1)
    R = float(row_norms.max())
    margins = y * (X @ w_star)
    gamma = float(margins.min()) / norm
    if gamma <= 0:
        raise ValueError(f"w_star does not separate the data: gamma = {gamma:.3g} <= 0")
    bound = (R / gamma) ** 2
    assert bound > 0
    return float(bound)


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    u = X[:, 0]
    v = X[:, 1]
    product = u * v
    Phi = np.column_stack([u, v, product])
    assert Phi.shape == (X.shape[0], 3)
    return Phi
