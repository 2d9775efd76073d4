"""an update is made when {cond} (the rule updates when y_i·(w·x_i) <= 0)

A family (grader.run.catalogue: PARAMS): the mistake test students write, comparing a
prediction with the label or the margin with 0 in another way; a point on the boundary
(w·x_i = 0, e.g. every point while w = 0) is where they differ."""

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import train_perceptron as _train

PARAMS = {"cond": {
    "the prediction (+1 when w·x_i >= 0, else −1) differs from y_i":
        lambda s, y: (1 if s >= 0 else -1) != y,
    "y_i·(w·x_i) < 0 (a point on the boundary is not a mistake)": lambda s, y: y * s < 0,
    "y_i·(w·x_i) <= 1 (a margin of 1 is asked for)": lambda s, y: y * s <= 1,
    "w·x_i <= 0 (the label is left out of the test)": lambda s, y: s <= 0,
    "y_i·(w·x_i) >= 0 (the test is reversed)": lambda s, y: y * s >= 0,
}}
cond = next(iter(PARAMS["cond"].values()))  # the default: the first member


def train_perceptron(X, y, w, epochs):
    w, _ = _train(X, y, w, 0)  # the reference's checks of X, y and w (no epoch runs)
    X, y = np.asarray(X, dtype=np.float64), np.asarray(y)
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(len(y)):
            if cond(float(w @ X[i]), y[i]):
                w = w + y[i] * X[i]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


FIX = "update when y_i·(w·x_i) <= 0: a point on the boundary is a mistake for either label"
