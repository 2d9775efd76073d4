"""each tower is centred on its bin's left edge (shifted by half a bin)

approximate_1d puts tower j on [e_j − Δ/2, e_j + Δ/2] instead of on [e_j, e_{j+1}]."""

import numpy as np

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def approximate_1d(f_values, lo, hi, w, x):
    delta = (hi - lo) / len(np.asarray(f_values))
    return _ref.approximate_1d(f_values, lo - delta / 2, hi - delta / 2, w, x)


FIX = "bin j spans [lo + j·Δ, lo + (j + 1)·Δ]; its midpoint, not its edge, is where f was sampled"
