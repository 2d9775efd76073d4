"""γ uses the absolute margins |w*·xᵢ| instead of yᵢ(w*·xᵢ).

The margin is read as a distance to the hyperplane, np.abs(X @ w_star): for a separating w* the
value is the same, but γ is never negative, so a w* that does not separate the data gets a bound
instead of a ValueError.

Single mistake in novikoff_bound; written from correct_greek.
"""

import numpy as np


def two_gaussians(n_per_class, seed):
    """Provided: class +1 ~ N(0, I), class -1 ~ N(3, I), interleaved, bias column last."""
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
    """x ↦ (x, 1) for every row."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    ones = np.ones((X.shape[0], 1))
    return np.hstack([X, ones])


def train_perceptron(X, y, w, epochs):
    """for each epoch, for i = 1..n:  if yᵢ(w·xᵢ) <= 0 then w ← w + yᵢxᵢ."""
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
    changes = []
    for _ in range(epochs):
        Δ = 0
        for xᵢ, yᵢ in zip(X, y):
            if yᵢ * (w @ xᵢ) <= 0:
                w = w + yᵢ * xᵢ
                Δ += 1
        changes.append(Δ)
        if Δ == 0:
            break
    return w, changes


def predict(w, X):
    """ŷ = sign(w·x), with sign(0) = -1."""
    ŷ = np.where(np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64) > 0, 1, -1)
    return ŷ


def novikoff_bound(X, y, w_star):
    """(R/γ)² with R = maxᵢ ‖xᵢ‖ and γ = minᵢ yᵢ(w*·xᵢ)/‖w*‖."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm_w = np.linalg.norm(w_star)
    if norm_w == 0:
        raise ValueError("w* = 0 does not separate the data")
    R = np.max(np.linalg.norm(X, axis=1))
    γ = np.min(np.abs(X @ w_star)) / norm_w
    if γ <= 0:
        raise ValueError("w* does not separate the data (γ <= 0)")
    return float((R / γ) ** 2)


def xor_features(X):
    """φ(x_u, x_v) = (x_u, x_v, x_u·x_v)."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must have shape (n, 2)")
    x_u, x_v = X[:, 0], X[:, 1]
    φ = np.column_stack([x_u, x_v, x_u * x_v])
    return φ
