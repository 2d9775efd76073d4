"""tower_1d treats b as the tower's WIDTH: the down-step is put at a + b instead of b, so the tower spans [a, a + b] (right only when a = 0).

Graded function: tower_1d. Edited from correct_functional.py.
"""

import math

import numpy as np


def _sig(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


_vsig = np.vectorize(_sig, otypes=[float])


def _out(arr):
    arr = np.asarray(arr, dtype=float)
    return float(arr) if arr.ndim == 0 else arr


def sigmoid(z):
    return _out(_vsig(np.asarray(z, dtype=float)))


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=float)
    return _out(h * (_vsig(w * (x - a)) - _vsig(w * (x - (a + b)))))


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=float)
    a1, b1, a2, b2 = box
    xs, ys = P[:, 0], P[:, 1]
    Tx = tower_1d(xs, a1, b1, 1.0, w)
    Ty = tower_1d(ys, a2, b2, 1.0, w)
    return h * _vsig(w * (Tx + Ty - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=float)
    x = np.asarray(x, dtype=float)
    width = (hi - lo) / len(f_values)
    towers = (tower_1d(x, lo + j * width, lo + (j + 1) * width, fj, w) for j, fj in enumerate(f_values))
    return _out(sum(towers, np.zeros_like(x)))
