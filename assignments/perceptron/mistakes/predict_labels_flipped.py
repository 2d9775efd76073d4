"""predict's labels are flipped: −1 where w·x > 0 and +1 elsewhere"""

import numpy as np

from reference.perceptron import *  # noqa: F403
from reference.perceptron import predict as _predict


def predict(w, X):
    return -_predict(w, X)


FIX = "+1 on the side w points to: np.where(X @ w > 0, 1, −1)"
