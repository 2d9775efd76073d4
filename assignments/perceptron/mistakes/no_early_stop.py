"""training did not stop after the first epoch with 0 updates

train_perceptron always runs all `epochs` epochs."""

import numpy as np

from reference import perceptron as _ref
from reference.perceptron import *  # noqa: F403


def train_perceptron(X, y, w, epochs):
    w, changes = _ref.train_perceptron(X, y, w, epochs)
    return w, changes + [0] * (epochs - len(changes))


_ = np


FIX = "break out of the epoch loop after an epoch with 0 updates"
