"""The outer sigmoid is given Tx * Ty - 1.5 instead of Tx + Ty - 1.5.

Inside the box Tx * Ty is about 1, below the 1.5 threshold: the 2-D tower is about 0 everywhere
instead of h inside the box.

Single mistake in tower_2d; written from correct_online.
"""

import math

import numpy as np


def _sig(t):
    """A stable logistic of one float."""
    if t >= 0:
        return 1.0 / (1.0 + math.exp(-t))
    e = math.exp(t)
    return e / (1.0 + e)


def _map(fn, x):
    """fn on every entry of x, one at a time; a float for a number."""
    x = np.asarray(x, dtype=np.float64)
    out = np.empty(x.shape)
    for index in np.ndindex(x.shape):
        out[index] = fn(float(x[index]))
    return float(out) if out.ndim == 0 else out


def sigmoid(z):
    """1 / (1 + e^-z), entry by entry."""
    return _map(_sig, z)


def tower_1d(x, a, b, h, w):
    """h * (sigma(w(x - a)) - sigma(w(x - b))), entry by entry."""
    return _map(lambda t: h * (_sig(w * (t - a)) - _sig(w * (t - b))), x)


def tower_2d(P, box, h, w):
    """h * sigma(w (Tx + Ty - 1.5)), one point at a time."""
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    out = np.empty(P.shape[0])
    for i in range(P.shape[0]):
        px, py = float(P[i, 0]), float(P[i, 1])
        tx = _sig(w * (px - a1)) - _sig(w * (px - b1))
        ty = _sig(w * (py - a2)) - _sig(w * (py - b2))
        out[i] = h * _sig(w * (tx * ty - 1.5))
    return out


def approximate_1d(f_values, lo, hi, w, x):
    """A running total of the k towers, one bin at a time."""
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    delta = (hi - lo) / k
    total = np.zeros(x.shape)
    left = lo
    for j in range(k):
        right = lo + (j + 1) * delta
        for index in np.ndindex(x.shape):
            t = float(x[index])
            total[index] += f_values[j] * (_sig(w * (t - left)) - _sig(w * (t - right)))
        left = right
    return float(total) if total.ndim == 0 else total
