"""predictions are 0/1 instead of −1/+1

predict returns 0 for the negative class."""

import numpy as np

from reference.perceptron import *  # noqa: F403


def predict(w, X):
    return (np.asarray(X) @ np.asarray(w) > 0).astype(int)


FIX = "return −1, not 0, for the negative class"
