"""the bin width is (hi − lo)/(k − 1)

approximate_1d spaces its k towers (hi − lo)/(k − 1) apart, as if k were the number of edges."""

import numpy as np

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    k = len(f_values)
    delta = (hi - lo) / max(k - 1, 1)
    F = 0.0
    for j in range(k):
        F = F + _ref.tower_1d(x, lo + j * delta, lo + (j + 1) * delta, f_values[j], w)
    return F


FIX = "k bins of [lo, hi] have width (hi − lo)/k: edges = np.linspace(lo, hi, k + 1)"
