"""The score closure binds the weights as a default argument (w=w, 'to avoid late binding'): it
keeps scoring with the INITIAL weights while update rebinds w, so the mistake test never sees
the updates; every epoch repeats the first epoch's updates, the counts never reach 0 and the
returned weights are wrong.

One mistake, in `train_perceptron`; written in the style of correct_closures.py.
"""

import numpy as np


def add_bias(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")

    def column_of(value):
        return np.full((X.shape[0], 1), value)

    return np.hstack([X, column_of(1.0)])


def _make_learner(w0):
    w = np.array(w0, dtype=np.float64)

    def score(x, w=w):
        return w @ x

    def update(x, label):
        nonlocal w
        w = w + label * x

    def weights():
        return w.copy()

    return score, update, weights


def _epoch_runner(X, y, score, update):
    counter = [0]

    def run():
        counter[0] = 0
        for x_i, y_i in zip(X, y):
            if y_i * score(x_i) <= 0:
                update(x_i, y_i)
                counter[0] += 1
        return counter[0]

    return run


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    n, d = X.shape
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    if np.shape(w) != (d,):
        raise ValueError(f"w must have shape ({d},), got {np.shape(w)}")
    score, update, weights = _make_learner(w)
    run_epoch = _epoch_runner(X, y, score, update)
    changes = []
    for _ in range(epochs):
        changes.append(run_epoch())
        if changes[-1] == 0:
            break
    return weights(), changes


def _sign_decider(threshold):
    def decide(s):
        return 1 if s > threshold else -1

    return decide


def predict(w, X):
    decide = _sign_decider(0.0)
    scores = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)
    return np.array([decide(s) for s in scores], dtype=int)


def novikoff_bound(X, y, w_star):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w_star = np.asarray(w_star, dtype=np.float64)
    norm = np.linalg.norm(w_star)
    if norm == 0:
        raise ValueError("w_star is zero")

    def margin_of(x, label):
        return label * (w_star @ x) / norm

    radius = max(np.linalg.norm(row) for row in X)
    gamma = min(margin_of(x, label) for x, label in zip(X, y))
    if gamma <= 0:
        raise ValueError(f"w_star does not separate the data (gamma = {gamma})")
    return float((radius / gamma) ** 2)


def _column(i):
    def take(X):
        return X[:, i]

    return take


def _product(i, j):
    def take(X):
        return X[:, i] * X[:, j]

    return take


def xor_features(X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    features = [_column(i) for i in range(2)] + [_product(0, 1)]
    return np.column_stack([feature(X) for feature in features])
