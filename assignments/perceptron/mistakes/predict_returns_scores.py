"""predict returns the scores w·x instead of their sign (±1 labels)"""

import numpy as np

from reference.perceptron import *  # noqa: F403


def predict(w, X):
    return np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)


FIX = "turn the scores into labels: np.where(X @ w > 0, 1, −1)"
