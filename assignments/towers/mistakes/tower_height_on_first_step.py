"""h multiplies only the first sigmoid: h·σ(w(x − a)) − σ(w(x − b)) (missing parentheses)"""

import numpy as np

from reference.towers import *  # noqa: F403


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    out = h * sigmoid(w * (x - a)) - sigmoid(w * (x - b))
    return float(out) if np.ndim(out) == 0 else out


FIX = "h·(σ(w(x − a)) − σ(w(x − b))): put the difference in parentheses"
