"""(fractions) The bin width is written Fraction(hi - lo, k): the two-argument Fraction accepts
only rationals, so with integer bounds it works, but for float bounds (lo = -1.0, hi = 2.5, or
numpy floats) it raises TypeError.

Mistake in `approximate_1d`, written from correct_fractions.py.
"""

from fractions import Fraction

import numpy as np

OFFSET = Fraction(3, 2)


def _exact(v):
    return Fraction(float(v))


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return float(s) if s.ndim == 0 else s


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    out = h * (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    Tx = sigmoid(w * (P[:, 0] - a1)) - sigmoid(w * (P[:, 0] - b1))
    Ty = sigmoid(w * (P[:, 1] - a2)) - sigmoid(w * (P[:, 1] - b2))
    return h * sigmoid(w * (Tx + Ty - float(OFFSET)))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    step = Fraction(hi - lo, k)
    edges = [float(_exact(lo) + j * step) for j in range(k + 1)]
    F = np.zeros_like(x)
    for j in range(k):
        F = F + tower_1d(x, edges[j], edges[j + 1], f_values[j], w)
    return float(F) if np.ndim(F) == 0 else F
