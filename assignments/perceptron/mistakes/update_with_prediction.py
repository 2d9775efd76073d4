"""the update uses the prediction instead of the label (w ← w − predict(w, xᵢ)·xᵢ, not w + yᵢ·xᵢ)

On a mistake −predict equals yᵢ except on the boundary (w·xᵢ = 0), where predict is −1 and the
update pushes by +xᵢ even when yᵢ = −1."""

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
                w = w - (1 if w @ X[i] > 0 else -1) * X[i]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


FIX = "the update moves w towards the LABEL: w ← w + y_i·x_i (the prediction is what was wrong)"
