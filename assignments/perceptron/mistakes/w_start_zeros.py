"""the given initial w was ignored (training starts from zeros)"""

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import train_perceptron as _train


def train_perceptron(X, y, w, epochs):
    _train(X, y, w, 0)  # the reference's checks of X, y and w
    return _train(X, y, np.zeros(np.shape(w)), epochs)


FIX = "start from a copy of the w passed in: w = np.array(w, dtype=float)"
