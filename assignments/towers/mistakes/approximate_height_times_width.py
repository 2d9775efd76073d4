"""each tower's height is f(m_j)·Δ (an area, as in a Riemann sum) instead of f(m_j)"""

import numpy as np

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    delta = (hi - lo) / len(f_values)
    return _ref.approximate_1d(f_values * delta, lo, hi, w, x)


FIX = "the tower's height is the value f(m_j) itself, not f(m_j)·Δ"
