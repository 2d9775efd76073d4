"""changes counts the points still misclassified after each epoch, not the updates made in it"""

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
            if y[i] * (w @ X[i]) <= 0:
                w = w + y[i] * X[i]
                updates += 1
        changes.append(int(np.sum(y * (X @ w) <= 0)))
        if changes[-1] == 0:
            break
    return w, changes


FIX = "count the updates during the epoch: updates += 1 at each update"
