"""tower_1d adds the height instead of multiplying by it: h + (σ(w(x − a)) − σ(w(x − b)))"""

import numpy as np

from reference.towers import *  # noqa: F403
from reference.towers import sigmoid


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    out = h + (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))
    return float(out) if np.ndim(out) == 0 else out


FIX = "h·(σ(w(x − a)) − σ(w(x − b))): the height scales the step difference"
