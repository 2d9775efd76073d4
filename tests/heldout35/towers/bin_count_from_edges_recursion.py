"""The Staircase's k is computed from its edges (len(edges) - 1), and edges is computed from k.

The two properties depend on each other: reading k needs edges, which needs k, so approximate_1d
raises RecursionError for every input.

Graded: approximate_1d (written from correct_properties.py).
"""

from functools import cached_property

import numpy as np


class Logistic:
    """sigma at the points z, computed on first access without overflow."""

    def __init__(self, z):
        self.z = np.asarray(z, dtype=np.float64)

    @cached_property
    def decay(self):
        return np.exp(-np.abs(self.z))

    @cached_property
    def value(self):
        return np.where(self.z >= 0, 1.0 / (1.0 + self.decay), self.decay / (1.0 + self.decay))


def _out(value):
    value = np.asarray(value)
    return float(value) if value.ndim == 0 else value


class Tower:
    """A 1-D tower of height h on [a, b] with steepness w, seen at the points x."""

    def __init__(self, x, a, b, h, w):
        self.x = np.asarray(x, dtype=np.float64)
        self.a, self.b, self.h, self.w = a, b, h, w

    @cached_property
    def rise(self):
        return Logistic(self.w * (self.x - self.a)).value

    @cached_property
    def fall(self):
        return Logistic(self.w * (self.x - self.b)).value

    @property
    def value(self):
        return self.h * (self.rise - self.fall)


class Box:
    """A 2-D tower of height h over [a1, b1] x [a2, b2], seen at the points P (m, 2)."""

    def __init__(self, P, box, h, w):
        self.P = np.asarray(P, dtype=np.float64)
        self.a1, self.b1, self.a2, self.b2 = box
        self.h, self.w = h, w

    @cached_property
    def Tx(self):
        return Tower(self.P[:, 0], self.a1, self.b1, 1.0, self.w).value

    @cached_property
    def Ty(self):
        return Tower(self.P[:, 1], self.a2, self.b2, 1.0, self.w).value

    @property
    def value(self):
        return self.h * Logistic(self.w * (self.Tx + self.Ty - 1.5)).value


class Staircase:
    """k towers on the equal bins of [lo, hi], heights f at the bin midpoints."""

    def __init__(self, f_values, lo, hi, w):
        self.f_values = np.asarray(f_values, dtype=np.float64)
        self.lo, self.hi, self.w = lo, hi, w

    @property
    def k(self):
        return len(self.edges) - 1

    @cached_property
    def edges(self):
        return np.linspace(self.lo, self.hi, self.k + 1)

    def at(self, x):
        x = np.asarray(x, dtype=np.float64)
        total = np.zeros_like(x)
        for j in range(self.k):
            total = total + Tower(x, self.edges[j], self.edges[j + 1], self.f_values[j],
                                  self.w).value
        return total


def sigmoid(z):
    """sigma(z) elementwise, stable for |z| up to 1e4."""
    return _out(Logistic(z).value)


def tower_1d(x, a, b, h, w):
    """h (sigma(w(x - a)) - sigma(w(x - b)))."""
    return _out(Tower(x, a, b, h, w).value)


def tower_2d(P, box, h, w):
    """h sigma(w (Tx + Ty - 1.5))."""
    return Box(P, box, h, w).value


def approximate_1d(f_values, lo, hi, w, x):
    """The sum of the k towers at x."""
    return _out(Staircase(f_values, lo, hi, w).at(x))
