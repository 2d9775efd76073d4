"""`<` was used instead of `<=`

train_perceptron updates only when y_i·(w·x_i) < 0: points on the boundary (and every point
when w starts at 0) never trigger an update."""

import numpy as np

from reference.perceptron import *  # noqa: F403


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if y.shape != (X.shape[0],) or np.shape(w) != (X.shape[1],):
        raise ValueError("shapes disagree")
    if not np.all(np.abs(y) == 1):
        raise ValueError("labels must be ±1")
    w = np.array(w, dtype=float)
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(len(y)):
            if y[i] * (w @ X[i]) < 0:
                w = w + y[i] * X[i]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


FIX = "update when y_i·(w·x_i) <= 0 (a point on the boundary is a mistake)"
