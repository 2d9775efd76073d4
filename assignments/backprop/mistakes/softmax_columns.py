"""softmax over the wrong axis (columns instead of rows)"""

import numpy as np

from reference.backprop import *  # noqa: F403


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    e = np.exp(Z - Z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


FIX = "normalise each row: axis=-1, keepdims=True"
