"""approximate_1d builds Staircase(f_values, hi, lo, w): the interval's ends swapped.

The edges run from hi down to lo, so bin j is the mirror image of the right bin and every tower
has a > b: each tower is negative inside its bin, and the staircase is minus the mirrored
function.

Single mistake in approximate_1d; written from correct_callables.
"""

from functools import partial

import numpy as np


class Sigmoid:
    def __call__(self, z):
        z = np.asarray(z, dtype=float)
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


_sig = Sigmoid()


def sigmoid(z):
    """Stable logistic function, elementwise."""
    s = _sig(z)
    return float(s) if s.ndim == 0 else s


def _step(x, at, w):
    return _sig(w * (np.asarray(x, dtype=float) - at))


class Tower1D:
    def __init__(self, a, b, h, w):
        self.up = partial(_step, at=a, w=w)
        self.down = partial(_step, at=b, w=w)
        self.h = h

    def __call__(self, x):
        return self.h * (self.up(x) - self.down(x))


def tower_1d(x, a, b, h, w):
    """h * (s(w(x - a)) - s(w(x - b)))."""
    out = Tower1D(a, b, h, w)(x)
    return float(out) if np.ndim(out) == 0 else out


class Tower2D:
    def __init__(self, box, h, w):
        a1, b1, a2, b2 = box
        self.tx = Tower1D(a1, b1, 1.0, w)
        self.ty = Tower1D(a2, b2, 1.0, w)
        self.h = h
        self.w = w

    def __call__(self, P):
        P = np.asarray(P, dtype=float)
        return self.h * _sig(self.w * (self.tx(P[:, 0]) + self.ty(P[:, 1]) - 1.5))


def tower_2d(P, box, h, w):
    """h * s(w (Tx + Ty - 1.5))."""
    return Tower2D(box, h, w)(P)


class Staircase:
    def __init__(self, f_values, lo, hi, w):
        heights = np.asarray(f_values, dtype=float)
        edges = np.linspace(lo, hi, len(heights) + 1)
        self.towers = [Tower1D(edges[j], edges[j + 1], heights[j], w)
                       for j in range(len(heights))]

    def __call__(self, x):
        x = np.asarray(x, dtype=float)
        total = np.zeros_like(x)
        for tower in self.towers:
            total = total + tower(x)
        return total


def approximate_1d(f_values, lo, hi, w, x):
    """Sum of k towers, one per bin, height f at the bin's midpoint."""
    out = Staircase(f_values, hi, lo, w)(x)
    return float(out) if out.ndim == 0 else out
