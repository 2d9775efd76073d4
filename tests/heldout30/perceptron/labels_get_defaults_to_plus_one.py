"""Labels are read with SIGN.get(label, 1), so an invalid label becomes +1.

No ValueError for a label of 0, 2 or 0.5: such samples are trained as class +1.

Single mistake in train_perceptron; written from correct_eafp.
"""

import numpy as np

SIGN = {1: 1, -1: -1}


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


def _matrix(X):
    X = np.asarray(X, dtype=np.float64)
    try:
        n, d = X.shape
    except ValueError as err:
        raise ValueError(f"X must be a 2-D array (n, d), got shape {X.shape}") from err
    return X, n, d


def add_bias(X):
    """[X | 1]: a column of ones appended as the last column."""
    X, n, _ = _matrix(X)
    return np.hstack([X, np.ones((n, 1))])


def train_perceptron(X, y, w, epochs):
    """The perceptron rule, sweeping the rows in order; returns (w, changes)."""
    X, n, d = _matrix(X)
    y = np.asarray(y)
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},)")
    try:
        labels = [SIGN.get(label, 1) for label in y.tolist()]
    except (KeyError, TypeError) as err:
        raise ValueError("labels must be -1 or +1") from err
    w = np.array(w, dtype=np.float64)
    if w.shape != (d,):
        raise ValueError(f"w must have shape ({d},)")
    changes = []
    for _ in range(epochs):
        updates = 0
        for x_i, y_i in zip(X, labels, strict=True):
            if y_i * (w @ x_i) <= 0:
                w = w + y_i * x_i
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    """+1 where w.x > 0, else -1."""
    try:
        scores = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    except ValueError as err:
        raise ValueError("w and X do not fit together") from err
    return np.where(scores > 0, 1, -1)


def novikoff_bound(X, y, w_star):
    """(R / gamma)^2 with R the largest norm of a row and gamma the normalised margin."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    try:
        with np.errstate(divide="raise", invalid="raise"):
            margins = y * (X @ w_star) / np.linalg.norm(w_star)
    except FloatingPointError as err:
        raise ValueError("w_star is zero: it does not separate the data") from err
    gamma = margins.min()
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    R = np.linalg.norm(X, axis=1).max()
    return float((R / gamma) ** 2)


def xor_features(X):
    """phi(u, v) = (u, v, u*v) row-wise."""
    X, _, d = _matrix(X)
    if d != 2:
        raise ValueError("X must have two columns")
    u, v = X.T
    return np.column_stack([u, v, u * v])
