"""the values are one bin off (bin j gets f_values[j − 1], the first bin the last value)

approximate_1d pairs bin j with f_values[j − 1] (an index off by one, wrapping round)."""

import numpy as np

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    return _ref.approximate_1d(np.roll(f_values, 1), lo, hi, w, x)


FIX = "in approximate_1d bin j (edges lo + jΔ, lo + (j + 1)Δ) carries f_values[j]"
