"""labels {0,1} were used with the ±1 rule

train_perceptron never checks that the labels are ±1."""

import numpy as np

from reference.perceptron import *  # noqa: F403


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if y.shape != (X.shape[0],) or np.shape(w) != (X.shape[1],):
        raise ValueError("shapes disagree")
    w = np.array(w, dtype=float)
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(len(y)):
            if y[i] * (w @ X[i]) <= 0:
                w = w + y[i] * X[i]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


FIX = "raise ValueError unless every label is −1 or +1"
