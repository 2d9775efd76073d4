"""The scalar sigmoid is lifted with np.frompyfunc(_sigma, 1, 1) and the result is never converted
with .astype(float): sigmoid returns an OBJECT array holding Python floats (and the int 0 for
very negative z) instead of a float64 array.

Mistake in `sigmoid`, written in the style of correct_vectorize.py (vectorize).
"""

import math

import numpy as np


def _sigma(t):
    if t >= 0:
        return 1.0 / (1.0 + math.exp(-t))
    if t < -750:
        return 0          # e^t underflows to 0 anyway
    e = math.exp(t)
    return e / (1.0 + e)


def _tower(x, a, b, h, w):
    return h * (_sigma(w * (x - a)) - _sigma(w * (x - b)))


def _staircase(x, f_values, edges, w):
    return sum(_tower(x, edges[j], edges[j + 1], f_values[j], w) for j in range(len(f_values)))


sigma_v = np.frompyfunc(_sigma, 1, 1)
tower_v = np.vectorize(_tower, otypes=[float])
staircase_v = np.vectorize(_staircase, otypes=[float], excluded={1, 2, 3})


def _out(a):
    return float(a) if np.ndim(a) == 0 else a


def sigmoid(z):
    return _out(sigma_v(np.asarray(z, dtype=np.float64)))


def tower_1d(x, a, b, h, w):
    return _out(tower_v(np.asarray(x, dtype=np.float64), a, b, h, w))


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box

    def at(p):
        T = _tower(p[0], a1, b1, 1.0, w) + _tower(p[1], a2, b2, 1.0, w)
        return float(h * _sigma(w * (T - 1.5)))

    return np.apply_along_axis(at, 1, P)


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    k = f_values.shape[0]
    delta = (hi - lo) / k
    edges = np.fromfunction(lambda j: lo + j * delta, (k + 1,))
    return _out(staircase_v(np.asarray(x, dtype=np.float64), f_values, edges, w))
