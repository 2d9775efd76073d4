"""an input array was modified in place

approximate_1d shifts x in place (x -= lo) before evaluating the towers; the values are right."""

import numpy as np

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def approximate_1d(f_values, lo, hi, w, x):
    if isinstance(x, np.ndarray) and x.ndim > 0:
        x -= lo
        return _ref.approximate_1d(f_values, 0.0, hi - lo, w, x)
    return _ref.approximate_1d(f_values, lo, hi, w, x)


FIX = "do not assign into x; build a new array"
