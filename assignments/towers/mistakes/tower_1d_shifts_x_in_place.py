"""an input array was modified in place

tower_1d shifts x in place (x = np.asarray(x, dtype=float); x -= a) and then uses the
distances x and x − (b − a); the values are right but the caller's x changes."""

import numpy as np

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    x -= a
    out = h * (_ref.sigmoid(w * x) - _ref.sigmoid(w * (x - (b - a))))
    return float(out) if np.ndim(out) == 0 else out


FIX = "in tower_1d compute x - a into a new array; never assign into x"
