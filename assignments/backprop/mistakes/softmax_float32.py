"""softmax computed in float32 (a dtype downcast)"""

import numpy as np

from reference.backprop import *  # noqa: F403


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float32)
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


FIX = "compute in float64: np.asarray(Z, dtype=float)"
