"""approximate_1d makes its bins (hi − lo)/({div}) wide (k bins of (hi − lo)/k cover [lo, hi])

A family (grader.run.catalogue: PARAMS): the width computed from the number of edges (k − 1,
the spacing of k points) or another count; with k = 1 the width (hi − lo)/0 fails."""

import numpy as np

from reference import towers as _ref
from reference.towers import *  # noqa: F403

PARAMS = {"div": {"k − 1": -1, "k + 1": 1, "k − 2": -2, "k + 2": 2}}
div = -1


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    k = len(f_values)
    delta = (hi - lo) / (k + div)
    F = np.zeros_like(np.asarray(x, dtype=np.float64))
    for j in range(k):
        F = F + _ref.tower_1d(x, lo + j * delta, lo + (j + 1) * delta, f_values[j], w)
    return float(F) if F.ndim == 0 else F


FIX = "k bins of width (hi − lo)/k: edges = np.linspace(lo, hi, k + 1)"
