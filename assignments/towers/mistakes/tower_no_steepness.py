"""the steepness w is not applied (σ(x − a) − σ(x − b))"""

import numpy as np

from reference.towers import *  # noqa: F403


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    out = h * (sigmoid(x - a) - sigmoid(x - b))
    return float(out) if np.ndim(out) == 0 else out


FIX = "multiply inside each sigmoid by w: σ(w·(x − a))"
