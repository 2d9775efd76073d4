"""tower_1d hands Tower1D the class Logistic instead of an instance Logistic().

The parentheses are forgotten, so act.value(z) is called on the class: z is bound to self and
the call raises TypeError (a missing argument) for every input of tower_1d.

Graded: tower_1d; written from correct_protocols.py.
"""

from typing import Protocol

import numpy as np


class Activation(Protocol):
    def value(self, z: np.ndarray) -> np.ndarray: ...

    def slope(self, z: np.ndarray) -> np.ndarray: ...


class Bump(Protocol):
    def at(self, x: np.ndarray) -> np.ndarray: ...


class Logistic:
    """sigma(z) from exp(-|z|), which never overflows."""

    def value(self, z):
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))

    def slope(self, z):
        s = self.value(z)
        return s * (1.0 - s)


class Tower1D:
    def __init__(self, a, b, h, w, act: Activation):
        self.a, self.b, self.h, self.w, self.act = a, b, h, w, act

    def at(self, x):
        return self.h * (self.act.value(self.w * (x - self.a)) - self.act.value(self.w * (x - self.b)))


class Tower2D:
    def __init__(self, box, h, w, act: Activation):
        self.x_side = Tower1D(box[0], box[1], 1.0, w, act)
        self.y_side = Tower1D(box[2], box[3], 1.0, w, act)
        self.h, self.w, self.act = h, w, act

    def at(self, P):
        total = self.x_side.at(P[:, 0]) + self.y_side.at(P[:, 1])
        return self.h * self.act.value(self.w * (total - 1.5))


class Staircase:
    def __init__(self, heights, lo, hi, w, act: Activation):
        k = len(heights)
        width = (hi - lo) / k
        self.parts: list[Bump] = [Tower1D(lo + j * width, lo + (j + 1) * width, heights[j], w, act)
                                  for j in range(k)]

    def at(self, x):
        total = np.zeros_like(x)
        for part in self.parts:
            total = total + part.at(x)
        return total


def _out(values):
    values = np.asarray(values, dtype=np.float64)
    return float(values) if values.ndim == 0 else values


def sigmoid(z):
    """The logistic function, elementwise, through the Activation protocol."""
    act: Activation = Logistic()
    return _out(act.value(np.asarray(z, dtype=np.float64)))


def tower_1d(x, a, b, h, w):
    """h (sigma(w(x - a)) - sigma(w(x - b)))."""
    bump: Bump = Tower1D(a, b, h, w, Logistic)
    return _out(bump.at(np.asarray(x, dtype=np.float64)))


def tower_2d(P, box, h, w):
    """h sigma(w (Tx + Ty - 1.5)) at the points P (m, 2)."""
    bump: Bump = Tower2D(tuple(box), h, w, Logistic())
    return np.asarray(bump.at(np.asarray(P, dtype=np.float64)), dtype=np.float64)


def approximate_1d(f_values, lo, hi, w, x):
    """The staircase of k towers, one per bin, at x."""
    heights = [float(v) for v in np.asarray(f_values, dtype=np.float64)]
    bump: Bump = Staircase(heights, lo, hi, w, Logistic())
    return _out(bump.at(np.asarray(x, dtype=np.float64)))
