"""the values are assigned to the bins in reverse order (f_values[k − 1 − j] on bin j)"""

import numpy as np

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def approximate_1d(f_values, lo, hi, w, x):
    return _ref.approximate_1d(np.asarray(f_values, dtype=np.float64)[::-1], lo, hi, w, x)


FIX = "bin j (from lo) gets f_values[j]"
