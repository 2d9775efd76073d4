"""The box is unpacked as two pairs ((a1, b1), (a2, b2)) although it is the flat 4-tuple (a1, b1,
a2, b2): the unpacking raises ValueError (too many values to unpack) on every call.

Mistake in `tower_2d`; written in the style of correct_recursive.py.
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    if not np.any(z < 0):
        s = 1.0 / (1.0 + np.exp(-z))
    else:
        a = np.abs(z)
        s = np.where(z < 0, np.exp(-a) * sigmoid(a), sigmoid(a))
    return float(s) if np.ndim(s) == 0 else s


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    out = h * (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    (a1, b1), (a2, b2) = box
    Tx = tower_1d(P[:, 0], a1, b1, 1.0, w)
    Ty = tower_1d(P[:, 1], a2, b2, 1.0, w)
    return h * sigmoid(w * (Tx + Ty - 1.5))


def _staircase(f_values, edges, w, x, first, last):
    if last - first == 1:
        return tower_1d(x, edges[first], edges[first + 1], f_values[first], w)
    mid = (first + last) // 2
    return _staircase(f_values, edges, w, x, first, mid) + _staircase(
        f_values, edges, w, x, mid, last)


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    if k == 0:
        F = np.zeros_like(x)
    else:
        edges = np.linspace(lo, hi, k + 1)
        F = _staircase(f_values, edges, w, x, 0, k)
    return float(F) if np.ndim(F) == 0 else F
