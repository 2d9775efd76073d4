"""tower_2d uses the threshold 1 instead of 1.5 in the outer sigmoid, so the cross-shaped strips
(Tx + Ty = 1) come out at height h/2.

One edit of correct_loops.py (held-out batch 4).
"""

import math

import numpy as np


def _sig(v):
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    e = math.exp(v)
    return e / (1.0 + e)


def sigmoid(z):
    arr = np.asarray(z, dtype=float)
    out = np.array([_sig(v) for v in arr.ravel()], dtype=float).reshape(arr.shape)
    return out if out.ndim else float(out)


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=float)
    return h * (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))


def tower_2d(P, box, h, w):
    a1, b1, a2, b2 = box
    out = []
    for px, py in np.asarray(P, dtype=float):
        tx = _sig(w * (px - a1)) - _sig(w * (px - b1))
        ty = _sig(w * (py - a2)) - _sig(w * (py - b2))
        out.append(h * _sig(w * (tx + ty - 1.0)))
    return np.array(out, dtype=float)


def approximate_1d(f_values, lo, hi, w, x):
    k = len(f_values)
    width = (hi - lo) / k
    total = np.zeros(np.shape(x))
    for j in range(k):
        a = lo + j * width
        b = lo + (j + 1) * width
        total = total + tower_1d(x, a, b, f_values[j], w)
    return total
