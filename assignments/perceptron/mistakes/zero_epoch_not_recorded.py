"""the final epoch with 0 updates is not recorded in changes (the loop breaks before appending)"""

from reference.perceptron import *  # noqa: F403
from reference.perceptron import train_perceptron as _train


def train_perceptron(X, y, w, epochs):
    w, changes = _train(X, y, w, epochs)
    return w, changes[:-1] if changes and changes[-1] == 0 else changes


FIX = "append the epoch's count before stopping: the list ends with the 0 of the last epoch"
