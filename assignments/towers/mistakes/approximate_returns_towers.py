"""every tower is returned instead of their sum (the sum over the bins is missing)

approximate_1d stacks the k towers along a last axis, shape x.shape + (k,), and never sums them."""

import numpy as np

from reference import towers as _ref
from reference.towers import *  # noqa: F403


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    edges = np.linspace(lo, hi, f_values.shape[0] + 1)
    return _ref.tower_1d(x[..., None], edges[:-1], edges[1:], 1.0, w) * f_values


FIX = "in approximate_1d sum the towers over the bins: F = towers.sum(axis=-1)"
