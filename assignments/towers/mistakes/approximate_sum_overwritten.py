"""the loop overwrites the sum instead of adding to it (only the last tower is returned)

approximate_1d writes F = tower_1d(...) in the loop instead of F = F + tower_1d(...)."""

import numpy as np

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    k = f_values.shape[0]
    edges = np.linspace(lo, hi, k + 1)
    F = np.zeros_like(np.asarray(x, dtype=np.float64))
    for j in range(k):
        F = _ref.tower_1d(x, edges[j], edges[j + 1], f_values[j], w)
    return float(F) if np.ndim(F) == 0 else F


FIX = "in approximate_1d accumulate: F = F + tower_1d(...) (F += on a new array)"
