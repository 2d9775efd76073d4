"""the update uses −np.sign(w·xᵢ) instead of the label yᵢ (no move at all on the boundary w·xᵢ = 0)"""

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
                w = w - np.sign(w @ X[i]) * X[i]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


FIX = "the update moves w towards the LABEL: w ← w + y_i·x_i (np.sign(0) is 0: no move)"
