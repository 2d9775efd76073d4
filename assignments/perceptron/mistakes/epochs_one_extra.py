"""one epoch too many (range(epochs + 1))"""

from reference.perceptron import *  # noqa: F403
from reference.perceptron import train_perceptron as _train


def train_perceptron(X, y, w, epochs):
    return _train(X, y, w, epochs + 1)


FIX = "loop `for _ in range(epochs)`"
