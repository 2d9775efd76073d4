"""approximate_1d: Bin edges measured from 0 instead of from lo (left = j·Δ), so the towers sit on
the wrong interval whenever lo ≠ 0.

Held-out batch 2 (H4): correct_loops.py with this one mistake.
"""

import math

import numpy as np


def _sig(t):
    if t >= 0:
        return 1.0 / (1.0 + math.exp(-t))
    e = math.exp(t)
    return e / (1.0 + e)


def sigmoid(z):
    arr = np.asarray(z, dtype=float)
    if arr.ndim == 0:
        return _sig(float(arr))
    return np.vectorize(_sig, otypes=[float])(arr)


def tower_1d(x, a, b, h, w):
    arr = np.asarray(x, dtype=float)
    return h * (sigmoid(w * (arr - a)) - sigmoid(w * (arr - b)))


def tower_2d(P, box, h, w):
    a1, b1, a2, b2 = box
    out = np.empty(len(P))
    for i, (px, py) in enumerate(P):
        tx = _sig(w * (px - a1)) - _sig(w * (px - b1))
        ty = _sig(w * (py - a2)) - _sig(w * (py - b2))
        out[i] = h * _sig(w * (tx + ty - 1.5))
    return out


def approximate_1d(f_values, lo, hi, w, x):
    k = len(f_values)
    delta = (hi - lo) / k
    total = np.zeros_like(np.asarray(x, dtype=float))
    for j in range(k):
        left = j * delta
        right = (j + 1) * delta
        total = total + tower_1d(x, left, right, f_values[j], w)
    return total if total.ndim else float(total)
