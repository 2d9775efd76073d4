"""Missing parentheses in the outer sigmoid: w * tx + ty - 1.5 instead of w * (tx + ty - 1.5), so
only tx is scaled and the threshold is no longer at 1.5.

Mistake in `tower_2d`; edited from correct_pure.py.
"""

import math

import numpy as np


def _sig(t):
    if t >= 0:
        return 1.0 / (1.0 + math.exp(-t))
    e = math.exp(t)
    return e / (1.0 + e)


def sigmoid(z):
    arr = np.asarray(z, dtype=np.float64)
    out = np.array([_sig(t) for t in arr.ravel().tolist()], dtype=np.float64).reshape(arr.shape)
    return float(out) if out.ndim == 0 else out


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    rise = sigmoid(w * (x - a))
    fall = sigmoid(w * (x - b))
    return h * (rise - fall)


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    xs, ys = P[:, 0], P[:, 1]
    tx = tower_1d(xs, a1, b1, 1.0, w)
    ty = tower_1d(ys, a2, b2, 1.0, w)
    return h * sigmoid(w * tx + ty - 1.5)


def approximate_1d(f_values, lo, hi, w, x):
    heights = [float(v) for v in np.asarray(f_values, dtype=np.float64).tolist()]
    k = len(heights)
    width = (hi - lo) / k
    total = 0.0
    for j in range(k):
        left = lo + j * width
        total = total + tower_1d(x, left, left + width, heights[j], w)
    return total
