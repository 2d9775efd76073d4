"""the label check {rule}, so valid ±1 labels are rejected or bad ones accepted

A family (grader.run.catalogue: PARAMS): label checks students write instead of "every label
is −1 or +1"."""

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import train_perceptron as _train

PARAMS = {"rule": {
    "demands that both classes occur (set(y) == {−1, +1})":
        lambda y: set(np.unique(y).tolist()) == {-1, 1},
    "accepts labels {0, 1} instead of {−1, +1}": lambda y: bool(np.all((y == 0) | (y == 1))),
    "accepts any of −1, 0, +1": lambda y: bool(np.all(np.isin(y, (-1, 0, 1)))),
    "is missing (any label is used)": lambda y: True,
}}
rule = next(iter(PARAMS["rule"].values()))  # the default: the first member


def train_perceptron(X, y, w, epochs):
    y = np.asarray(y)
    if not rule(y):
        raise ValueError("labels must be -1 or +1")
    labels = np.where(np.isin(y, (-1, 1)), y, 1)  # past the check: the reference's run
    w_out, changes = _train(X, labels, w, 0)
    if not np.all((y == 1) | (y == -1)):  # a label the rule accepts but ±1 is not
        X = np.asarray(X, dtype=np.float64)
        changes = []
        for _ in range(epochs):
            updates = 0
            for x_i, y_i in zip(X, y, strict=True):
                if y_i * (w_out @ x_i) <= 0:
                    w_out = w_out + y_i * x_i
                    updates += 1
            changes.append(updates)
            if updates == 0:
                break
        return w_out, changes
    return _train(X, y, w, epochs)


FIX = "check each label: np.all((y == 1) | (y == -1)), else raise ValueError"
