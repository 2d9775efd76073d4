"""an input array was modified in place

train_perceptron updates the caller's w with `w += y_i * x_i`."""

import numpy as np

from reference.perceptron import *  # noqa: F403


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if y.shape != (X.shape[0],) or np.shape(w) != (X.shape[1],):
        raise ValueError("shapes disagree")
    if not np.all(np.abs(y) == 1):
        raise ValueError("labels must be ±1")
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(len(y)):
            if y[i] * (w @ X[i]) <= 0:
                w += y[i] * X[i]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


FIX = "copy w first (w = np.array(w, dtype=float)) instead of updating it in place"
