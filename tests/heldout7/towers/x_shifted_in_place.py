"""tower_1d shifts x in place (x_array = np.asarray(x); x_array -= a) to reuse it: the caller's
float array is modified, and the second step is then taken at x - a - b instead of x - b.

Edited from correct_verbose.py.
"""

import numpy as np


def sigmoid(z):
    z_array = np.array(z, dtype=float)
    result = np.empty_like(z_array)
    positive = z_array >= 0
    negative = ~positive
    # for z >= 0 use 1/(1 + e^-z), for z < 0 use e^z/(1 + e^z): exp never overflows
    exp_minus = np.exp(-z_array[positive])
    result[positive] = 1.0 / (1.0 + exp_minus)
    exp_plus = np.exp(z_array[negative])
    result[negative] = exp_plus / (1.0 + exp_plus)
    if result.ndim == 0:
        return float(result)
    return result


def tower_1d(x, a, b, h, w):
    x_array = np.asarray(x, dtype=float)
    x_array -= a
    step_up = sigmoid(w * x_array)
    step_down = sigmoid(w * (x_array - b))
    tower = h * (step_up - step_down)
    if np.ndim(tower) == 0:
        return float(tower)
    return tower


def tower_2d(P, box, h, w):
    P = np.array(P, dtype=float)
    a1, b1, a2, b2 = box
    xs = P[:, 0]
    ys = P[:, 1]
    tower_x = tower_1d(xs, a1, b1, 1.0, w)
    tower_y = tower_1d(ys, a2, b2, 1.0, w)
    both = tower_x + tower_y
    return h * sigmoid(w * (both - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    heights = np.array(f_values, dtype=float)
    x_array = np.array(x, dtype=float)
    k = len(heights)
    width = (hi - lo) / k
    total = np.zeros(x_array.shape)
    for j in range(k):
        left = lo + j * width
        right = lo + (j + 1) * width
        height = heights[j]
        total = total + tower_1d(x_array, left, right, height, w)
    if total.ndim == 0:
        return float(total)
    return total
