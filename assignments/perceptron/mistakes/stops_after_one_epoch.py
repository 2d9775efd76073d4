"""training stops after the first epoch whatever its updates (the break is outside the `if`)"""

from reference.perceptron import *  # noqa: F403
from reference.perceptron import train_perceptron as _train


def train_perceptron(X, y, w, epochs):
    return _train(X, y, w, min(epochs, 1))


FIX = "stop only after an epoch with 0 updates: `if updates == 0: break` inside the epoch loop"
