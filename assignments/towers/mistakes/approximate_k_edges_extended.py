"""the edges are np.linspace(lo, hi, k) plus one past hi: k bins (hi − lo)/(k − 1) wide

approximate_1d spaces the edges (hi − lo)/(k − 1) apart and extends them by one step, so the
towers run past hi (and k = 1 has no second edge: an IndexError)."""

import numpy as np

from reference.towers import *  # noqa: F403


def approximate_1d(f_values, lo, hi, w, x):
    f = np.asarray(f_values, dtype=np.float64)
    edges = np.linspace(lo, hi, len(f))
    edges = np.append(edges, 2 * edges[-1] - edges[-2])
    x = np.asarray(x, dtype=np.float64)[..., None]
    out = (f * (sigmoid(w * (x - edges[:-1])) - sigmoid(w * (x - edges[1:])))).sum(axis=-1)
    return float(out) if out.ndim == 0 else out


FIX = "k bins of [lo, hi] have k + 1 edges: np.linspace(lo, hi, k + 1)"
