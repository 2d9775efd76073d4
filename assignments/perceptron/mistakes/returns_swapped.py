"""(changes, w) was returned instead of (w, changes)"""

from reference.perceptron import *  # noqa: F403
from reference.perceptron import train_perceptron as _train


def train_perceptron(X, y, w, epochs):
    w, changes = _train(X, y, w, epochs)
    return changes, w


FIX = "return w first: return w, changes"
