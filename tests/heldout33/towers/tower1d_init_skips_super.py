"""Tower1D.__init__ does not call super().__init__(h, w).

The subclass constructor stores only a and b: h and w are never set, so calling a 1-D tower (and
the staircase built from them) raises AttributeError.

Graded: tower_1d, approximate_1d. Written from correct_inheritance.py.
"""

from abc import ABC, abstractmethod

import numpy as np


class Sigmoid:
    def __call__(self, z):
        z = np.asarray(z, dtype=np.float64)
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


SIGMA = Sigmoid()


class Tower(ABC):
    def __init__(self, h, w):
        self.h = h
        self.w = w

    def step(self, t, edge):
        return SIGMA(self.w * (t - edge))

    def prepare(self, x):
        return np.asarray(x, dtype=np.float64)

    @abstractmethod
    def profile(self, x):
        """The tower of height 1 at x."""

    def __call__(self, x):
        out = self.h * self.profile(self.prepare(x))
        return float(out) if np.ndim(out) == 0 else out


class Tower1D(Tower):
    def __init__(self, a, b, h, w):
        self.a = a
        self.b = b

    def profile(self, x):
        return self.step(x, self.a) - self.step(x, self.b)


class Tower2D(Tower):
    def __init__(self, box, h, w):
        super().__init__(h, w)
        self.a1, self.b1, self.a2, self.b2 = box

    def profile(self, P):
        Tx = self.step(P[:, 0], self.a1) - self.step(P[:, 0], self.b1)
        Ty = self.step(P[:, 1], self.a2) - self.step(P[:, 1], self.b2)
        return SIGMA(self.w * (Tx + Ty - 1.5))

    def __call__(self, P):
        return self.h * self.profile(self.prepare(P))


class Staircase:
    def __init__(self, f_values, lo, hi, w):
        f_values = np.asarray(f_values, dtype=np.float64)
        edges = np.linspace(lo, hi, f_values.shape[0] + 1)
        self.towers = [Tower1D(edges[j], edges[j + 1], f_values[j], w)
                       for j in range(f_values.shape[0])]

    def __call__(self, x):
        x = np.asarray(x, dtype=np.float64)
        total = np.zeros(x.shape)
        for tower in self.towers:
            total = total + tower(x)
        return float(total) if total.ndim == 0 else total


def sigmoid(z):
    s = SIGMA(z)
    return float(s) if s.ndim == 0 else s


def tower_1d(x, a, b, h, w):
    return Tower1D(a, b, h, w)(x)


def tower_2d(P, box, h, w):
    return Tower2D(box, h, w)(P)


def approximate_1d(f_values, lo, hi, w, x):
    return Staircase(f_values, lo, hi, w)(x)
