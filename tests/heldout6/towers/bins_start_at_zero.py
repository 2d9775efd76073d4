"""approximate_1d puts bin j at [j D, (j + 1) D] without adding lo: right only when lo = 0,
otherwise every tower is shifted by -lo.

Edited from correct_student.py.
"""

import math

import numpy as np


def _sig(t):
    # the two stable forms of the logistic function
    if t >= 0:
        return 1.0 / (1.0 + math.exp(-t))
    e = math.exp(t)
    return e / (1.0 + e)


def sigmoid(z):
    arr = np.asarray(z, dtype=float)
    flat = arr.reshape(-1)
    result = np.empty(flat.shape[0])
    for i in range(flat.shape[0]):
        result[i] = _sig(float(flat[i]))
    if arr.ndim == 0:
        return float(result[0])
    return result.reshape(arr.shape)


def tower_1d(x, a, b, h, w):
    arr = np.asarray(x, dtype=float)
    flat = arr.reshape(-1)
    out = np.empty(flat.shape[0])
    for i in range(flat.shape[0]):
        step_up = _sig(w * (flat[i] - a))
        step_down = _sig(w * (flat[i] - b))
        out[i] = h * (step_up - step_down)
    if arr.ndim == 0:
        return float(out[0])
    return out.reshape(arr.shape)


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=float)
    a1, b1, a2, b2 = box
    values = []
    for point in P:
        x, y = float(point[0]), float(point[1])
        tx = _sig(w * (x - a1)) - _sig(w * (x - b1))
        ty = _sig(w * (y - a2)) - _sig(w * (y - b2))
        values.append(h * _sig(w * (tx + ty - 1.5)))
    return np.array(values, dtype=float)


def approximate_1d(f_values, lo, hi, w, x):
    heights = [float(v) for v in np.asarray(f_values, dtype=float).reshape(-1)]
    k = len(heights)
    width = (hi - lo) / k
    arr = np.asarray(x, dtype=float)
    flat = arr.reshape(-1)
    total = np.zeros(flat.shape[0])
    for j in range(k):
        left = j * width
        right = (j + 1) * width
        total = total + tower_1d(flat, left, right, heights[j], w)
    if arr.ndim == 0:
        return float(total[0])
    return total.reshape(arr.shape)
