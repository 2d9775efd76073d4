"""The perceptron written with named constants: the two classes are an IntEnum, the bias input,
the boundary and the norm order module-level constants, and a sample's outcome a second enum
that the training loop dispatches on.

Correct solution (style: enums).
"""

import enum

import numpy as np

BIAS_INPUT = 1.0
BOUNDARY = 0.0
EUCLIDEAN = 2
FEATURES_PER_POINT = 2


class Label(enum.IntEnum):
    NEGATIVE = -1
    POSITIVE = 1


class Outcome(enum.Enum):
    CORRECT = "correct"
    MISTAKE = "mistake"


LABEL_VALUES = tuple(int(label) for label in Label)


def add_bias(X):
    """[X | BIAS_INPUT]: the bias column is the last one."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    return np.hstack([X, np.full((X.shape[0], 1), BIAS_INPUT)])


def _outcome(w, x_i, y_i):
    return Outcome.MISTAKE if y_i * (w @ x_i) <= BOUNDARY else Outcome.CORRECT


def train_perceptron(X, y, w, epochs):
    """The lecture's rule, sweeping the rows in order; returns (w, changes)."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or y.shape != (X.shape[0],):
        raise ValueError("X must be (n, d) and y (n,)")
    if not np.all(np.isin(y, LABEL_VALUES)):
        raise ValueError("labels must be -1 or +1")
    w = np.array(w, dtype=float)
    if w.shape != (X.shape[1],):
        raise ValueError("w must have one weight per column of X")
    changes = []
    for _ in range(epochs):
        updates = 0
        for x_i, y_i in zip(X, y):
            if _outcome(w, x_i, y_i) is Outcome.MISTAKE:
                w = w + y_i * x_i
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


def predict(w, X):
    """Label.POSITIVE where w.x > BOUNDARY, else Label.NEGATIVE."""
    scores = np.asarray(X, dtype=float) @ np.asarray(w, dtype=float)
    return np.where(scores > BOUNDARY, int(Label.POSITIVE), int(Label.NEGATIVE))


def novikoff_bound(X, y, w_star):
    """(R / gamma)^2 with R the largest row norm and gamma the normalised margin of w_star."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w_star = np.asarray(w_star, dtype=float)
    norm = np.linalg.norm(w_star, ord=EUCLIDEAN)
    if norm == 0:
        raise ValueError("w_star is zero")
    R = np.max(np.linalg.norm(X, ord=EUCLIDEAN, axis=1))
    gamma = np.min(y * (X @ w_star)) / norm
    if gamma <= BOUNDARY:
        raise ValueError("w_star does not separate the data")
    return float((R / gamma) ** 2)


def xor_features(X):
    """(x_u, x_v, x_u * x_v) row-wise."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != FEATURES_PER_POINT:
        raise ValueError("X must have shape (n, 2)")
    return np.column_stack([X[:, 0], X[:, 1], X[:, 0] * X[:, 1]])
