"""The tower settings are merged in the wrong order, {**settings, **defaults}: the defaults override the height and steepness.

Every tower has height 1 and steepness 1 whatever h and w are: tower_1d, the inner towers of
tower_2d and every bin of approximate_1d are wrong.

Graded: tower_1d, tower_2d, approximate_1d; written from correct_kwargs.py.
"""

import functools

import numpy as np

TOWER_DEFAULTS = {"height": 1.0, "steepness": 1.0}
BOX_CUT = {"offset": 1.5}


def sigmoid(z):
    """1 / (1 + exp(-z)), elementwise, without overflow."""
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return float(s) if s.ndim == 0 else s


def _step(x, *, at, steepness):
    return np.asarray(sigmoid(steepness * (x - at)))


def _tower(x, *, left, right, **settings):
    config = {**settings, **TOWER_DEFAULTS}
    step = functools.partial(_step, steepness=config["steepness"])
    return config["height"] * (step(x, at=left) - step(x, at=right))


def tower_1d(x, a, b, h, w):
    """h * (sigmoid(w(x - a)) - sigmoid(w(x - b)))."""
    x = np.asarray(x, dtype=np.float64)
    out = _tower(x, left=a, right=b, height=h, steepness=w)
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    """h * sigmoid(w (Tx + Ty - 1.5)) over the box (a1, b1, a2, b2)."""
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    unit = functools.partial(_tower, steepness=w)
    inner = unit(P[:, 0], left=a1, right=b1) + unit(P[:, 1], left=a2, right=b2)
    return h * _step(inner, at=BOX_CUT["offset"], steepness=w)


def _bin_edges(*, lo, hi, k):
    return np.linspace(lo, hi, k + 1)


def approximate_1d(f_values, lo, hi, w, x):
    """The sum of k towers, one per bin of [lo, hi], height f at the bin's midpoint."""
    heights = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    edges = _bin_edges(lo=lo, hi=hi, k=heights.shape[0])
    settings = {"steepness": w}
    total = np.zeros_like(x)
    for j, height in enumerate(heights):
        total = total + _tower(x, left=edges[j], right=edges[j + 1], height=height, **settings)
    return float(total) if total.ndim == 0 else total
