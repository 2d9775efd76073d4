"""Fence-post error: np.linspace(lo, hi, k) gives k edges (k - 1 bins) instead of k + 1: the last
tower reads edges[k], which raises IndexError, so approximate_1d fails for every input.

One mistake, in `approximate_1d`; written in the style of correct_closures.py.
"""

import numpy as np


def _stable_logistic():
    def positive(z):
        return 1.0 / (1.0 + np.exp(-z))

    def negative(z):
        e = np.exp(z)
        return e / (1.0 + e)

    def apply(z):
        z = np.asarray(z, dtype=np.float64)
        out = np.empty_like(z)
        up = z >= 0
        out[up] = positive(z[up])
        out[~up] = negative(z[~up])
        return float(out) if out.ndim == 0 else out

    return apply


sigmoid = _stable_logistic()


def _step(a, w):
    def at(x):
        return sigmoid(w * (x - a))

    return at


def _tower(a, b, h, w):
    rise, fall = _step(a, w), _step(b, w)

    def at(x):
        return h * (rise(x) - fall(x))

    return at


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    out = _tower(a, b, h, w)(x)
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    Tx = _tower(a1, b1, 1.0, w)(P[:, 0])
    Ty = _tower(a2, b2, 1.0, w)(P[:, 1])
    return h * sigmoid(w * (Tx + Ty - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    edges = np.linspace(lo, hi, k)
    towers = [_tower(edges[j], edges[j + 1], f_values[j], w) for j in range(k)]
    F = np.zeros_like(x)
    for tower in towers:
        F = F + tower(x)
    return float(F) if F.ndim == 0 else F
