"""The box is sorted ('to make sure a < b') before it is unpacked: sorted((a1, b1, a2, b2)) mixes
up the x and y intervals whenever they overlap or the y interval lies left of the x one, so the
tower stands over the wrong box.

Mistake in `tower_2d`; written in the style of correct_oop.py.
"""

from dataclasses import dataclass

import numpy as np


class Logistic:
    @staticmethod
    def positive(z):
        return 1.0 / (1.0 + np.exp(-z))

    @staticmethod
    def negative(z):
        e = np.exp(z)
        return e / (1.0 + e)

    def __call__(self, z):
        z = np.asarray(z, dtype=np.float64)
        out = np.empty_like(z)
        pos = z >= 0
        out[pos] = self.positive(z[pos])
        out[~pos] = self.negative(z[~pos])
        return float(out) if out.ndim == 0 else out


_LOGISTIC = Logistic()


def sigmoid(z):
    return _LOGISTIC(z)


@dataclass(frozen=True)
class Step:
    at: float
    steepness: float

    def __call__(self, x):
        return sigmoid(self.steepness * (x - self.at))


@dataclass(frozen=True)
class Tower:
    a: float
    b: float
    h: float
    w: float

    def __call__(self, x):
        return self.h * (Step(self.a, self.w)(x) - Step(self.b, self.w)(x))


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    out = Tower(a, b, h, w)(x)
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = sorted(box)
    Tx = Tower(a1, b1, 1.0, w)(P[:, 0])
    Ty = Tower(a2, b2, 1.0, w)(P[:, 1])
    return h * sigmoid(w * (Tx + Ty - 1.5))


@dataclass(frozen=True)
class Staircase:
    heights: np.ndarray
    lo: float
    hi: float
    w: float

    @property
    def k(self):
        return len(self.heights)

    @property
    def delta(self):
        return (self.hi - self.lo) / self.k

    def towers(self):
        for j, height in enumerate(self.heights):
            left = self.lo + j * self.delta
            yield Tower(left, left + self.delta, height, self.w)

    def __call__(self, x):
        total = np.zeros_like(x)
        for tower in self.towers():
            total = total + tower(x)
        return total


def approximate_1d(f_values, lo, hi, w, x):
    x = np.asarray(x, dtype=np.float64)
    F = Staircase(np.asarray(f_values, dtype=np.float64), lo, hi, w)(x)
    return float(F) if np.ndim(F) == 0 else F
