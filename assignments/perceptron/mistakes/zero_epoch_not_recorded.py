"""the final epoch with 0 updates is not recorded in changes (the loop breaks before appending)"""

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
        if updates == 0:
            break
        changes.append(updates)
    return w, changes


FIX = "append the epoch's count before stopping: the list ends with the 0 of the last epoch"
