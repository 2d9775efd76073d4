"""To reuse exp(-z) the student negates z in place (np.negative(z, out=z) after np.asarray, which
does not copy) and then uses the branches as before: the caller's float array is negated and
the result is sigma(-z).

Edited from correct_numpy.py.
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    out = np.empty_like(z)
    np.negative(z, out=z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out if out.ndim else float(out)


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=float)
    return h * (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=float)
    a1, b1, a2, b2 = box
    Tx = tower_1d(P[:, 0], a1, b1, 1.0, w)
    Ty = tower_1d(P[:, 1], a2, b2, 1.0, w)
    return h * sigmoid(w * (Tx + Ty - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=float)
    x = np.asarray(x, dtype=float)
    k = len(f_values)
    delta = (hi - lo) / k
    left = lo + delta * np.arange(k)
    right = left + delta
    xs = x[..., None]
    towers = f_values * (sigmoid(w * (xs - left)) - sigmoid(w * (xs - right)))
    return towers.sum(axis=-1)
