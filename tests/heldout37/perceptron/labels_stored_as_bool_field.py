"""The label field of the sample record dtype is declared np.bool_ ("the label is binary") instead of an integer.

Storing -1 in a boolean field gives True, so every label reads back as +1: training updates towards the wrong side on the negative class, and the margins of novikoff_bound use +1 for every sample.

Mistake in train_perceptron, novikoff_bound (written from correct_structured.py).
"""

import numpy as np
from numpy.lib import recfunctions as rfn


def _samples(X, y):
    """The data as a record array with the fields x (a row of X) and label."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    if y.shape != (X.shape[0],):
        raise ValueError("y must have one label per row of X")
    sample = np.dtype([("x", np.float64, (X.shape[1],)), ("label", np.bool_)])
    data = np.zeros(X.shape[0], dtype=sample)
    data["x"] = X
    data["label"] = y
    return data


def add_bias(X):
    """[X | 1]: the features and a bias field, unpacked to columns in field order."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    row = np.dtype([("features", np.float64, (X.shape[1],)), ("bias", np.float64)])
    table = np.zeros(X.shape[0], dtype=row)
    table["features"] = X
    table["bias"] = 1.0
    return rfn.structured_to_unstructured(table)


def train_perceptron(X, y, w, epochs):
    """The perceptron rule over the records in order; returns (w, changes)."""
    y = np.asarray(y)
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    data = _samples(X, y)
    w = np.array(w, dtype=np.float64)
    if w.shape != data.dtype["x"].shape:
        raise ValueError("w must have one weight per column of X")
    changes = []
    for _ in range(epochs):
        updates = 0
        for sample in data:
            if sample["label"] * (w @ sample["x"]) <= 0:
                w = w + sample["label"] * sample["x"]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    """+1 where w.x > 0, else -1: a (score, label) record per row, labels set by a mask."""
    X = np.asarray(X, dtype=np.float64)
    out = np.zeros(X.shape[0], dtype=[("score", np.float64), ("label", np.int64)])
    out["score"] = X @ np.asarray(w, dtype=np.float64)
    out["label"] = -1
    out["label"][out["score"] > 0] = 1
    return out["label"].copy()


def novikoff_bound(X, y, w_star):
    """(R / gamma)^2 with R the largest record norm and gamma the normalised margin."""
    data = _samples(X, y)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = np.linalg.norm(w_star)
    if norm == 0:
        raise ValueError("w_star is zero")
    R = np.max(np.linalg.norm(data["x"], axis=1))
    gamma = np.min(data["label"] * (data["x"] @ w_star)) / norm
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    """phi(u, v) = (u, v, u*v): a record per row with the fields u, v, uv, unpacked in order."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError("X must have shape (n, 2)")
    phi = np.zeros(X.shape[0], dtype=[("u", np.float64), ("v", np.float64), ("uv", np.float64)])
    phi["u"] = X[:, 0]
    phi["v"] = X[:, 1]
    phi["uv"] = phi["u"] * phi["v"]
    return rfn.structured_to_unstructured(phi)
