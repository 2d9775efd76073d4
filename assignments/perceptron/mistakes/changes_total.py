"""changes is the total number of updates instead of a list with one count per epoch"""

from reference.perceptron import *  # noqa: F403
from reference.perceptron import train_perceptron as _train


def train_perceptron(X, y, w, epochs):
    w, changes = _train(X, y, w, epochs)
    return w, sum(changes)


FIX = "append each epoch's count: changes.append(updates), and return the list"
