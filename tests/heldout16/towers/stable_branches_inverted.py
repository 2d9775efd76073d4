"""The test that chooses the stable formula is inverted (t <= 0 instead of t >= 0): each formula is
used on the side where its exponential grows, so for |z| beyond about 710 math.exp overflows and
sigmoid raises OverflowError (the values for moderate z are still right).

Mistake in `sigmoid`, written in the style of correct_itertools.py.
"""

import math
from itertools import accumulate, pairwise, repeat, starmap

import numpy as np


def _sigma(t):
    if t <= 0:
        return 1.0 / (1.0 + math.exp(-t))
    e = math.exp(t)
    return e / (1.0 + e)


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    out = np.fromiter(map(_sigma, z.ravel().tolist()), dtype=np.float64, count=z.size)
    out = out.reshape(z.shape)
    return float(out) if out.ndim == 0 else out


def _unit_tower(x, a, b, w):
    steps = starmap(lambda edge, sign: sign * sigmoid(w * (x - edge)), zip((a, b), (1.0, -1.0)))
    return sum(steps)


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    out = h * _unit_tower(x, a, b, w)
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    intervals = zip(box[0::2], box[1::2])  # (a1, b1), (a2, b2)
    T = sum(starmap(lambda col, ab: _unit_tower(col, ab[0], ab[1], w), zip(P.T, intervals)))
    return h * sigmoid(w * (T - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    delta = (hi - lo) / k
    edges = accumulate(repeat(delta, k), initial=lo)
    F = np.zeros_like(x)
    for height, (a, b) in zip(f_values, pairwise(edges)):
        F = F + tower_1d(x, a, b, height, w)
    return float(F) if np.ndim(F) == 0 else F
