"""the towers are averaged (divided by k) instead of summed"""

import numpy as np

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def approximate_1d(f_values, lo, hi, w, x):
    k = len(np.asarray(f_values))
    return _ref.approximate_1d(f_values, lo, hi, w, x) / k


FIX = "F(x) is the sum of the k towers, not their mean"
