"""add_bias calls frame.assign(bias=1.0) without keeping the DataFrame it returns.

DataFrame.assign returns a new frame and leaves the original alone, so the bias column is never
added: add_bias returns X unchanged, shape (n, d) instead of (n, d + 1).

Graded: add_bias; written from correct_pandas.py.
"""

import numpy as np
import pandas as pd


def _frame(X):
    values = np.asarray(X, dtype=np.float64)
    if values.ndim != 2:
        raise ValueError("X must be 2-D")
    return pd.DataFrame(values, columns=[f"x{j}" for j in range(values.shape[1])])


def add_bias(X):
    """[X | 1]: a `bias` column of ones appended last."""
    frame = _frame(X)
    frame.assign(bias=1.0)
    return frame.to_numpy(dtype=np.float64)


def train_perceptron(X, y, w, epochs):
    """Epochs over the rows of the samples DataFrame; returns (w, changes)."""
    samples = _frame(X)
    features = list(samples.columns)
    labels = pd.Series(np.asarray(y))
    if labels.ndim != 1 or len(labels) != len(samples) or np.asarray(y).ndim != 1:
        raise ValueError("y must have one label per row of X")
    if not labels.isin([-1, 1]).all():
        raise ValueError("labels must be -1 or +1")
    samples["label"] = labels.astype(np.float64).to_numpy()
    w = np.array(w, dtype=np.float64)
    if w.shape != (len(features),):
        raise ValueError("w must have one weight per column of X")
    changes = pd.Series(dtype=np.int64)
    for epoch in range(epochs):
        updates = 0
        for row in samples.itertuples(index=False):
            x = np.array(row[:-1], dtype=np.float64)
            label = row.label
            if label * float(w @ x) <= 0:
                w = w + label * x
                updates += 1
        changes.loc[epoch] = updates
        if updates == 0:
            break
    return w, [int(c) for c in changes]


def predict(w, X):
    """+1 where w.x > 0, else -1, via a Series of scores."""
    scores = _frame(X).dot(np.asarray(w, dtype=np.float64))
    return scores.gt(0).map({True: 1, False: -1}).to_numpy(dtype=int)


def novikoff_bound(X, y, w_star):
    """(R/gamma)^2 from the row norms and the labelled scores of the samples DataFrame."""
    samples = _frame(X)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = float(np.sqrt((w_star ** 2).sum()))
    if norm == 0:
        raise ValueError("w_star is zero")
    R = np.sqrt(samples.pow(2).sum(axis=1)).max()
    margins = samples.dot(w_star) * pd.Series(np.asarray(y, dtype=np.float64))
    gamma = margins.min() / norm
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    """Columns u, v and their product u * v."""
    frame = _frame(X)
    if frame.shape[1] != 2:
        raise ValueError("X must have two columns")
    phi = pd.DataFrame({"u": frame["x0"], "v": frame["x1"]})
    phi["uv"] = phi["u"] * phi["v"]
    return phi.to_numpy(dtype=np.float64)


def two_gaussians(n_per_class, seed):
    """Provided: class +1 ~ N(0, I), class -1 ~ N(3, I), rows interleaved, bias column last."""
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
