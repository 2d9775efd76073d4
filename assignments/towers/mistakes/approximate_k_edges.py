"""the bin edges come from np.linspace(lo, hi, k): k − 1 bins, and the last value is dropped

approximate_1d takes k edges instead of k + 1, so only the first k − 1 values get a tower, each
(hi − lo)/(k − 1) wide."""

import numpy as np

from reference.towers import *  # noqa: F403


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    edges = np.linspace(lo, hi, len(f_values))
    xs = x[..., None]
    towers = f_values[:-1] * (sigmoid(w * (xs - edges[:-1])) - sigmoid(w * (xs - edges[1:])))
    out = towers.sum(axis=-1)
    return float(out) if out.ndim == 0 else out


FIX = "k bins need k + 1 edges: np.linspace(lo, hi, k + 1)"
