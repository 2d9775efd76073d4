"""the bin edges are measured from 0 instead of from lo (edges j·Δ, not lo + j·Δ)

approximate_1d puts bin j on [jΔ, (j + 1)Δ]: right only when lo = 0."""

import numpy as np

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    delta = (hi - lo) / k
    F = np.zeros_like(x)
    for j in range(k):
        F = F + _ref.tower_1d(x, j * delta, (j + 1) * delta, f_values[j], w)
    return float(F) if F.ndim == 0 else F


FIX = "bin j spans [lo + j·Δ, lo + (j + 1)·Δ]: add lo to both edges"
