"""an input array was modified in place

approximate_1d measures x from lo in place (x = np.asarray(x, dtype=float); x -= lo): asarray
does not copy a float array, so the caller's x changes; the values are right."""

import numpy as np

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def approximate_1d(f_values, lo, hi, w, x):
    x = np.asarray(x, dtype=np.float64)
    x -= lo
    return _ref.approximate_1d(f_values, 0.0, hi - lo, w, x)


FIX = "in approximate_1d write x = x - lo (a new array), not x -= lo"
