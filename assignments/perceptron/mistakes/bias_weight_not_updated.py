"""the bias weight is never updated (only the feature weights w[:-1] change)"""

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
                w = np.append(w[:-1] + y[i] * X[i, :-1], w[-1])
                updates += 1
        changes.append(updates)
        if changes[-1] == 0:
            break
    return w, changes


FIX = "update every weight, the bias weight too: w ← w + y_i·x_i with the bias column of x_i"
