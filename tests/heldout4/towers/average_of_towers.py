"""approximate_1d averages the towers (mean over bins) instead of summing them, so the staircase is
k times too low.

One edit of correct_numpy.py (held-out batch 4).
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    ez = np.exp(-np.abs(z))
    out = np.where(z >= 0, 1.0 / (1.0 + ez), ez / (1.0 + ez))
    return out if out.ndim else float(out)


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=float)
    return h * (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=float)
    a1, b1, a2, b2 = box
    tx = sigmoid(w * (P[:, 0] - a1)) - sigmoid(w * (P[:, 0] - b1))
    ty = sigmoid(w * (P[:, 1] - a2)) - sigmoid(w * (P[:, 1] - b2))
    return h * sigmoid(w * (tx + ty - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=float)
    x = np.asarray(x, dtype=float)
    k = f_values.size
    delta = (hi - lo) / k
    left = lo + delta * np.arange(k)
    right = left + delta
    towers = tower_1d(x[..., None], left, right, f_values, w)
    return towers.mean(axis=-1)
