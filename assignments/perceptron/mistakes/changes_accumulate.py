"""the update counter accumulates across epochs (not reset per epoch)"""

import numpy as np

from reference.perceptron import *  # noqa: F403


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=np.float64); y = np.asarray(y)
    if y.shape != (X.shape[0],) or np.shape(w) != (X.shape[1],):
        raise ValueError("shapes disagree")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be ±1")
    w = np.array(w, dtype=np.float64)
    changes = []
    updates = 0
    for _ in range(epochs):
        before = updates
        for i in range(len(y)):
            if y[i] * (w @ X[i]) <= 0:
                w = w + y[i] * X[i]; updates += 1
        changes.append(updates)
        if updates == before:
            break
    return w, changes


FIX = "set the counter to 0 at the start of every epoch"
