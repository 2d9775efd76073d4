"""the update is scaled by a learning rate (w ← w + 0.1·yᵢ·xᵢ); the lecture's rule has none"""

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
                w = w + 0.1 * y[i] * X[i]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


FIX = "the perceptron rule has no step size: w ← w + y_i·x_i"
