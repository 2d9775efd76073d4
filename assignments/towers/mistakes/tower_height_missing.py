"""the height h is not applied to the tower"""

import numpy as np

from reference.towers import *  # noqa: F403


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    out = sigmoid(w * (x - a)) - sigmoid(w * (x - b))  # noqa: F405
    return float(out) if np.ndim(out) == 0 else out


FIX = "multiply the difference of the two sigmoids by h"
