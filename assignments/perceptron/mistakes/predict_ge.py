"""`>=` was used instead of `>` in predict

predict labels a point on the boundary (w·x = 0) as +1."""

import numpy as np

from reference.perceptron import *  # noqa: F403


def predict(w, X):
    return np.where(np.asarray(X) @ np.asarray(w) >= 0, 1, -1)


FIX = "predict +1 only where w·x > 0 (the boundary is −1)"
