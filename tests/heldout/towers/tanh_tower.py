"""heldout: tower_1d uses tanh where sigma was asked"""

import numpy as np

from reference.towers import *  # noqa: F403


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, float)
    out = h * (np.tanh(w * (x - a)) - np.tanh(w * (x - b)))
    return float(out) if np.ndim(out) == 0 else out
