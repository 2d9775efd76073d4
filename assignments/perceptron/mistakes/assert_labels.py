"""the label and shape checks use `assert` (AssertionError) instead of raising ValueError"""

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import train_perceptron as _train


def train_perceptron(X, y, w, epochs):
    X, y = np.asarray(X, dtype=np.float64), np.asarray(y)
    assert X.ndim == 2 and y.shape == (X.shape[0],), "X and y disagree"
    assert np.shape(w) == (X.shape[1],), "w does not fit X"
    assert np.all((y == 1) | (y == -1)), "labels must be ±1"
    return _train(X, y, w, epochs)


FIX = "raise ValueError(...) for bad labels or shapes: an assert raises AssertionError"
