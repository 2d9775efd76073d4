"""the row max and row sum lack keepdims=True, so they broadcast along the wrong axis"""

import numpy as np

from reference.backprop import *  # noqa: F403


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    e = np.exp(Z - Z.max(axis=1))
    return e / e.sum(axis=1)


FIX = "Z.max(axis=1, keepdims=True) and e.sum(axis=1, keepdims=True) keep the (N, 1) shape"
