"""enumerate(heights, 1): the bins are numbered from 1, so every tower sits one bin to the right
(tower j spans [lo + (j+1) delta, lo + (j+2) delta]) and the last one lies beyond hi.

Mistake in `approximate_1d`; written in the style of correct_comprehension.py.
"""

import math

import numpy as np


def _sig(v):
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    e = math.exp(v)
    return e / (1.0 + e)


def _apply(fn, x):
    arr = np.asarray(x, dtype=float)
    if arr.ndim == 0:
        return float(fn(float(arr)))
    flat = [fn(v) for v in arr.ravel().tolist()]
    return np.array(flat, dtype=float).reshape(arr.shape)


def sigmoid(z):
    return _apply(_sig, z)


def tower_1d(x, a, b, h, w):
    return _apply(lambda v: h * (_sig(w * (v - a)) - _sig(w * (v - b))), x)


def tower_2d(P, box, h, w):
    a1, b1, a2, b2 = box
    pts = np.asarray(P, dtype=float).tolist()
    vals = []
    for px, py in pts:
        tx = _sig(w * (px - a1)) - _sig(w * (px - b1))
        ty = _sig(w * (py - a2)) - _sig(w * (py - b2))
        vals.append(h * _sig(w * (tx + ty - 1.5)))
    return np.array(vals, dtype=float)


def approximate_1d(f_values, lo, hi, w, x):
    heights = [float(v) for v in np.asarray(f_values, dtype=float).ravel().tolist()]
    k = len(heights)
    delta = (hi - lo) / k

    def F(v):
        return sum(fj * (_sig(w * (v - lo - j * delta)) - _sig(w * (v - lo - (j + 1) * delta)))
                   for j, fj in enumerate(heights, 1))

    return _apply(F, x)
