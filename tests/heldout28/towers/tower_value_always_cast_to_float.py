"""tower_1d returns float(out) unconditionally instead of only for a number.

For a number x the result is right, but for any array x of more than one entry float() raises
TypeError.

Single mistake in tower_1d; written from correct_records.
"""

from typing import NamedTuple

import numpy as np


class Tower(NamedTuple):
    a: float
    b: float
    h: float
    w: float


class Box(NamedTuple):
    a1: float
    b1: float
    a2: float
    b2: float


def sigmoid(z):
    """1 / (1 + exp(-z)) without overflow."""
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return float(s) if s.ndim == 0 else s


def _tower_value(tower, x):
    up = sigmoid(tower.w * (x - tower.a))
    down = sigmoid(tower.w * (x - tower.b))
    return tower.h * (up - down)


def tower_1d(x, a, b, h, w):
    """h (sigma(w(x - a)) - sigma(w(x - b))) elementwise."""
    x = np.asarray(x, dtype=np.float64)
    out = _tower_value(Tower(a=a, b=b, h=h, w=w), x)
    return float(out)


def tower_2d(P, box, h, w):
    """h sigma(w (Tx + Ty - 1.5)) over the box (a1, b1, a2, b2)."""
    P = np.asarray(P, dtype=np.float64)
    box = Box(*box)
    Tx = _tower_value(Tower(a=box.a1, b=box.b1, h=1.0, w=w), P[:, 0])
    Ty = _tower_value(Tower(a=box.a2, b=box.b2, h=1.0, w=w), P[:, 1])
    return h * sigmoid(w * (Tx + Ty - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    """The sum of k towers, one per bin of [lo, hi], height f at the bin's midpoint."""
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    width = (hi - lo) / k
    F = np.zeros_like(x)
    tower = Tower(a=lo, b=lo + width, h=0.0, w=w)
    for j in range(k):
        tower = tower._replace(h=f_values[j])
        F = F + _tower_value(tower, x)
        tower = tower._replace(a=tower.b, b=tower.b + width)
    return float(F) if F.ndim == 0 else F
