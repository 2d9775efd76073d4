"""predict returns 0 on the boundary (np.sign)"""

import numpy as np

from reference.perceptron import *  # noqa: F403


def predict(w, X):
    return np.sign(np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64)).astype(int)


FIX = "return −1 where w·x <= 0: np.where(s > 0, 1, −1)"
