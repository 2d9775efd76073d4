"""samples visited in random instead of fixed order"""

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
    rng = np.random.default_rng(0)
    for _ in range(epochs):
        updates = 0
        for i in rng.permutation(len(y)):
            if y[i] * (w @ X[i]) <= 0:
                w = w + y[i] * X[i]; updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


FIX = "sweep i = 0, 1, ..., n − 1 in order every epoch"
