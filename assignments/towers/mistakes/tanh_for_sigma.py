"""tanh where σ was asked"""

import numpy as np

from reference.towers import *  # noqa: F403


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    out = h * (np.tanh(w * (x - a)) - np.tanh(w * (x - b)))
    return float(out) if np.ndim(out) == 0 else out


FIX = "use the logistic σ(z) = 1/(1 + e^(−z)), not tanh"
