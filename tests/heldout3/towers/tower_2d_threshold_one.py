"""tower_2d thresholds Tx + Ty at 1 instead of 1.5, so the tower leaks along the two strips (a
cross, not a box).

One mistake: written for held-out batch 3 (issue 16) without seeing the
catalogue; see README.md.
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=float)
    return h * (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=float)
    a1, b1, a2, b2 = box
    tx = sigmoid(w * (P[:, 0] - a1)) - sigmoid(w * (P[:, 0] - b1))
    ty = sigmoid(w * (P[:, 1] - a2)) - sigmoid(w * (P[:, 1] - b2))
    return h * sigmoid(w * (tx + ty - 1.0))


def approximate_1d(f_values, lo, hi, w, x):
    x = np.asarray(x, dtype=float)
    k = len(f_values)
    width = (hi - lo) / k
    y = np.zeros_like(x)
    for i in range(k):
        left = lo + i * width
        right = left + width
        y = y + tower_1d(x, left, right, f_values[i], w)
    return y
