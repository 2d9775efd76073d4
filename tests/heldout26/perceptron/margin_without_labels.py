"""The margin leaves out the labels: gamma = min_i (w*.x_i)/||w*|| instead of min_i y_i (w*.x_i)/||w*||.

For a separating w* the negative class has negative scores, so the bound raises ValueError for
valid separators (and accepts non-separating w* whose scores are all positive).

Single mistake in novikoff_bound; written from correct_pipeline.
"""

import numpy as np


def _run(steps, data):
    for step in steps:
        data = step(data)
    return data


def _as_matrix(data):
    X = np.asarray(data["X"], dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    return {**data, "X": X}


def _append_ones(data):
    X = data["X"]
    return {**data, "out": np.hstack([X, np.ones((X.shape[0], 1))])}


def add_bias(X):
    """[X | 1]: a column of ones appended as the last column."""
    return _run([_as_matrix, _append_ones], {"X": X})["out"]


def _validate_training(data):
    X = data["X"]
    n, d = X.shape
    y = np.asarray(data["y"])
    if y.shape != (n,):
        raise ValueError("y must have one label per row of X")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    w = np.array(data["w"], dtype=np.float64)
    if w.shape != (d,):
        raise ValueError("w must have one weight per column of X")
    return {**data, "y": y, "w": w, "changes": [], "done": False}


def _sweep(data):
    X, y, w = data["X"], data["y"], data["w"]
    updates = 0
    for i in range(X.shape[0]):
        if y[i] * (w @ X[i]) <= 0:
            w = w + y[i] * X[i]
            updates += 1
    return {**data, "w": w, "last": updates}


def _record(data):
    changes = data["changes"] + [data["last"]]
    return {**data, "changes": changes, "done": data["last"] == 0}


EPOCH_STEPS = [_sweep, _record]


def _train(data):
    for _ in range(data["epochs"]):
        data = _run(EPOCH_STEPS, data)
        if data["done"]:
            break
    return data


def _finish_training(data):
    return data["w"], data["changes"]


def train_perceptron(X, y, w, epochs):
    """The perceptron rule, sweeping the rows in order; returns (w, changes)."""
    return _run([_as_matrix, _validate_training, _train, _finish_training],
                {"X": X, "y": y, "w": w, "epochs": epochs})


def _scores(data):
    X = np.asarray(data["X"], dtype=np.float64)
    return {**data, "s": X @ np.asarray(data["w"], dtype=np.float64)}


def _signs(data):
    return np.where(data["s"] > 0, 1, -1)


def predict(w, X):
    """+1 where w.x > 0, else -1."""
    return _run([_scores, _signs], {"w": w, "X": X})


def _prepare_bound(data):
    X = np.asarray(data["X"], dtype=np.float64)
    y = np.asarray(data["y"], dtype=np.float64)
    w = np.asarray(data["w_star"], dtype=np.float64)
    return {**data, "X": X, "y": y, "w_star": w}


def _radius(data):
    return {**data, "R": np.max(np.linalg.norm(data["X"], axis=1))}


def _gamma(data):
    norm = np.linalg.norm(data["w_star"])
    if norm == 0:
        raise ValueError("w_star is zero")
    gamma = np.min(data["X"] @ data["w_star"]) / norm
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return {**data, "gamma": gamma}


def _bound(data):
    return float((data["R"] / data["gamma"]) ** 2)


def novikoff_bound(X, y, w_star):
    """(R / gamma)^2."""
    return _run([_prepare_bound, _radius, _gamma, _bound], {"X": X, "y": y, "w_star": w_star})


def _check_pairs(data):
    if data["X"].shape[1] != 2:
        raise ValueError("X must have two columns")
    return data


def _product_column(data):
    X = data["X"]
    return np.column_stack([X[:, 0], X[:, 1], X[:, 0] * X[:, 1]])


def xor_features(X):
    """(x_u, x_v, x_u * x_v) row-wise."""
    return _run([_as_matrix, _check_pairs, _product_column], {"X": X})


def two_gaussians(n_per_class, seed):
    """Provided."""
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
