"""samples visited in reverse order (i = n−1 down to 0)"""

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import train_perceptron as _train


def train_perceptron(X, y, w, epochs):
    _train(X, y, w, 0)  # the reference's checks of X, y and w
    return _train(np.asarray(X)[::-1], np.asarray(y)[::-1], w, epochs)


FIX = "sweep i = 0, 1, ..., n − 1 in order every epoch"
