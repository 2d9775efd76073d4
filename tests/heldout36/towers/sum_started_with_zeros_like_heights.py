"""The running sum is started with np.zeros_like of the heights instead of x.

The sum starts as k zeros: adding towers evaluated at x broadcasts against that shape, so a
number x gives k copies of F(x), and an array x raises unless its shape happens to broadcast
with (k,).

Mistake in `approximate_1d`; written from correct_immutable.py.
"""

import numpy as np


def frozen(values):
    """A read-only float copy of values."""
    out = np.array(values, dtype=np.float64)
    out.setflags(write=False)
    return out


def as_result(values):
    """A float for a 0-d result, else the array."""
    return float(values) if np.ndim(values) == 0 else values


def sigmoid(z):
    """1 / (1 + e^-z) without overflow: only e^-|z| is ever computed."""
    z = frozen(z)
    e = frozen(np.exp(-np.abs(z)))
    return as_result(np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))


def tower_1d(x, a, b, h, w):
    """h (sigma(w(x - a)) - sigma(w(x - b)))."""
    x = frozen(x)
    rise = frozen(sigmoid(w * (x - a)))
    fall = frozen(sigmoid(w * (x - b)))
    return as_result(h * (rise - fall))


def tower_2d(P, box, h, w):
    """h sigma(w (Tx + Ty - 1.5)) over the box (a1, b1, a2, b2)."""
    P = frozen(P)
    a1, b1, a2, b2 = box
    Tx = frozen(tower_1d(P[:, 0], a1, b1, 1.0, w))
    Ty = frozen(tower_1d(P[:, 1], a2, b2, 1.0, w))
    return h * np.asarray(sigmoid(w * (Tx + Ty - 1.5)))


def approximate_1d(f_values, lo, hi, w, x):
    """The sum of one tower per bin of [lo, hi], height f at the bin's midpoint."""
    heights = frozen(f_values)
    x = frozen(x)
    k = heights.shape[0]
    edges = frozen(np.linspace(lo, hi, k + 1))
    F = frozen(np.zeros_like(heights))
    for left, right, height in zip(edges[:-1], edges[1:], heights):
        F = frozen(F + tower_1d(x, left, right, height, w))
    return as_result(np.array(F))
