"""loop-based rewrite

A demo student who evaluates the sigmoid entry by entry with math.exp (the stable branch for
negative z) and adds the towers in a loop."""

import math

import numpy as np

from reference.towers import *  # noqa: F403
from reference.towers import tower_1d


def _sigma(v):
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    e = math.exp(v)
    return e / (1.0 + e)


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    out = np.empty(z.shape)
    for index in np.ndindex(z.shape):
        out[index] = _sigma(float(z[index]))
    return float(out) if out.ndim == 0 else out


def approximate_1d(f_values, lo, hi, w, x):
    k = len(f_values)
    width = (hi - lo) / k
    total = 0.0
    for j in range(k):
        a = lo + j * width
        total = total + tower_1d(x, a, a + width, f_values[j], w)
    return total
