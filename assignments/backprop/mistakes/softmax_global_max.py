"""the global max (Z.max()) is subtracted instead of each row's max: rows far below it underflow"""

import numpy as np

from reference.backprop import *  # noqa: F403


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    e = np.exp(Z - Z.max())
    return e / e.sum(axis=1, keepdims=True)


FIX = "shift each row by its own max: Z.max(axis=1, keepdims=True)"
