"""an update is made when predict(w, x_i) ≠ y_i instead of when y_i·(w·x_i) <= 0

A point on the boundary (w·x_i = 0) with label −1 counts as right and is not updated."""

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import train_perceptron as _train


def train_perceptron(X, y, w, epochs):
    w, _ = _train(X, y, w, 0)  # the reference's checks of X, y and w (no epoch runs)
    X, y = np.asarray(X, dtype=np.float64), np.asarray(y)
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(len(y)):
            if (1 if w @ X[i] > 0 else -1) != y[i]:
                w = w + y[i] * X[i]
                updates += 1
        changes.append(updates)
        if changes[-1] == 0:
            break
    return w, changes


FIX = "update when y_i·(w·x_i) <= 0: a point on the boundary is a mistake for either label"
