"""Fencepost slip (linspace habit): the bin width is (hi - lo)/(k - 1) instead of (hi - lo)/k, so the bins are too wide and run past hi (and k = 1 divides by zero).

Graded function: approximate_1d. Edited from correct_loops.py.
"""

import numpy as np


def sigmoid(z):
    z = np.array(z, dtype=np.float64)
    # sigma(z) = exp(-log(1 + exp(-z))) and np.logaddexp(0, -z) never overflows
    result = np.exp(-np.logaddexp(0.0, -z))
    if result.ndim == 0:
        return float(result)
    return result


def tower_1d(x, a, b, h, w):
    x_arr = np.array(x, dtype=np.float64)
    up = sigmoid(w * (x_arr - a))
    down = sigmoid(w * (x_arr - b))
    result = h * (np.asarray(up) - np.asarray(down))
    if np.ndim(result) == 0:
        return float(result)
    return result


def tower_2d(P, box, h, w):
    P = np.array(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    xs = P[:, 0]
    ys = P[:, 1]
    Tx = tower_1d(xs, a1, b1, 1.0, w)
    Ty = tower_1d(ys, a2, b2, 1.0, w)
    total = np.asarray(Tx) + np.asarray(Ty)
    return h * np.asarray(sigmoid(w * (total - 1.5)))


def approximate_1d(f_values, lo, hi, w, x):
    heights = [float(v) for v in np.asarray(f_values, dtype=np.float64).ravel()]
    k = len(heights)
    width = (hi - lo) / (k - 1)
    x_arr = np.array(x, dtype=np.float64)
    F = np.zeros(x_arr.shape)
    for j in range(k):
        left = lo + j * width
        right = lo + (j + 1) * width
        F = F + np.asarray(tower_1d(x_arr, left, right, heights[j], w))
    if F.ndim == 0:
        return float(F)
    return F
