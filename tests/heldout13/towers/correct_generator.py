"""Sigmoid towers with generators: sigmoid streams the entries of z through a generator of
stable logistic values into np.fromiter, tower_2d unpacks the two 1-D towers from a generator
over the coordinates, and approximate_1d sums a generator of towers over itertools.pairwise
of the bin edges.

Correct solution (style: generator).
"""

import math
from itertools import pairwise

import numpy as np


def _logistic(values):
    for v in values:
        if v >= 0:
            yield 1.0 / (1.0 + math.exp(-v))
        else:
            e = math.exp(v)
            yield e / (1.0 + e)


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    s = np.fromiter(_logistic(z.ravel()), dtype=np.float64, count=z.size).reshape(z.shape)
    return float(s) if s.ndim == 0 else s


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    out = h * (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    starts, ends = box[0::2], box[1::2]
    Tx, Ty = (sigmoid(w * (P[:, c] - a)) - sigmoid(w * (P[:, c] - b))
              for c, (a, b) in enumerate(zip(starts, ends)))
    return h * sigmoid(w * (Tx + Ty - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = len(f_values)
    delta = (hi - lo) / k
    edges = (lo + j * delta for j in range(k + 1))
    towers = (tower_1d(x, a, b, height, w) for height, (a, b) in zip(f_values, pairwise(edges)))
    F = sum(towers, np.zeros_like(x))
    return float(F) if np.ndim(F) == 0 else F
