"""the first bin's tower is left out (range(1, k))"""

import numpy as np

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    edges = np.linspace(lo, hi, k + 1)
    F = np.zeros_like(x)
    for j in range(1, k):
        F = F + _ref.tower_1d(x, edges[j], edges[j + 1], f_values[j], w)
    return float(F) if F.ndim == 0 else F


FIX = "one tower per bin, starting at bin 0: for j in range(k)"
