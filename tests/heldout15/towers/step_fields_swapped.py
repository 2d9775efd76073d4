"""The up-step is built positionally in the wrong order, Step(w, a) for fields (at, w): it is
sigma(a(x - w)), a step at w with steepness a, instead of sigma(w(x - a)), so every tower is
wrong (tower_2d and approximate_1d, which use the same Tower, too).

Single mistake in `tower_1d`; written in the style of correct_dataclass.
"""

from dataclasses import dataclass, field, replace
from typing import NamedTuple

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    s = np.exp(-np.logaddexp(0.0, -z))
    return float(s) if s.ndim == 0 else s


@dataclass(frozen=True)
class Step:
    at: float
    w: float

    def __call__(self, x):
        return sigmoid(self.w * (np.asarray(x, dtype=np.float64) - self.at))


@dataclass(frozen=True)
class Tower:
    a: float
    b: float
    h: float
    w: float

    def __call__(self, x):
        return self.h * (Step(self.w, self.a)(x) - Step(self.b, self.w)(x))


def tower_1d(x, a, b, h, w):
    return Tower(a, b, h, w)(x)


class Box(NamedTuple):
    a1: float
    b1: float
    a2: float
    b2: float


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    box = Box(*box)
    x_tower = Tower(box.a1, box.b1, 1.0, w)
    y_tower = replace(x_tower, a=box.a2, b=box.b2)
    inner = x_tower(P[:, 0]) + y_tower(P[:, 1])
    return h * sigmoid(w * (inner - 1.5))


@dataclass
class Staircase:
    heights: np.ndarray
    lo: float
    hi: float
    w: float
    towers: list = field(default_factory=list)

    def __post_init__(self):
        self.heights = np.asarray(self.heights, dtype=np.float64)
        edges = np.linspace(self.lo, self.hi, self.heights.shape[0] + 1)
        for j, height in enumerate(self.heights):
            self.towers.append(Tower(edges[j], edges[j + 1], height, self.w))

    def __call__(self, x):
        x = np.asarray(x, dtype=np.float64)
        F = np.zeros_like(x)
        for tower in self.towers:
            F = F + tower(x)
        return float(F) if F.ndim == 0 else F


def approximate_1d(f_values, lo, hi, w, x):
    return Staircase(f_values, lo, hi, w)(x)
