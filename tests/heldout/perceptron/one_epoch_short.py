"""heldout: runs range(epochs - 1) epochs"""

import numpy as np

from reference.perceptron import *  # noqa: F403


def train_perceptron(X, y, w, epochs):
    X = np.asarray(X, float); y = np.asarray(y)
    if y.shape != (X.shape[0],) or np.shape(w) != (X.shape[1],):
        raise ValueError("shapes")
    if not np.all(np.isin(y, [-1, 1])):
        raise ValueError("labels")
    w = np.array(w, float)
    changes = []
    for epoch in range(epochs - 1):
        count = 0
        for i in range(len(y)):
            if y[i] * np.dot(w, X[i]) <= 0:
                w += y[i] * X[i]
                count += 1
        changes.append(count)
        if count == 0:
            break
    return w, changes
