"""the update forgets the label (w ← w + x_i instead of w + y_i·x_i)"""

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import train_perceptron as _train_perceptron


def train_perceptron(X, y, w, epochs):
    _train_perceptron(X, y, w, 0)  # the reference's input checks
    X, y = np.asarray(X, dtype=np.float64), np.asarray(y, dtype=np.float64)
    w = np.array(w, dtype=np.float64)
    changes = []
    for _ in range(epochs):
        updates = 0
        for x_i, y_i in zip(X, y, strict=True):
            if y_i * (w @ x_i) <= 0:
                w = w + x_i
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


FIX = "move w towards the right side: w ← w + y_i·x_i"
