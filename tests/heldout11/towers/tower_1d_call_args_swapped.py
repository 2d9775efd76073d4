"""tower_2d builds Tx and Ty with its own tower_1d but passes (w, 1.0) where the signature wants
(h, w): the inner towers have height w and steepness 1 instead of height 1 and steepness w.

Mistake in `tower_2d`; written in the style of correct_comprehension.py.
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
    pts = np.asarray(P, dtype=float).reshape(-1, 2)
    tx = np.asarray(tower_1d(pts[:, 0], a1, b1, w, 1.0))
    ty = np.asarray(tower_1d(pts[:, 1], a2, b2, w, 1.0))
    return np.array([h * _sig(w * (u + v - 1.5)) for u, v in zip(tx.tolist(), ty.tolist())],
                    dtype=float)


def approximate_1d(f_values, lo, hi, w, x):
    heights = [float(v) for v in np.asarray(f_values, dtype=float).ravel().tolist()]
    k = len(heights)
    delta = (hi - lo) / k

    def F(v):
        return sum(fj * (_sig(w * (v - lo - j * delta)) - _sig(w * (v - lo - (j + 1) * delta)))
                   for j, fj in enumerate(heights))

    return _apply(F, x)
