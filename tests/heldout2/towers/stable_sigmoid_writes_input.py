"""sigmoid: A 'stable' sigmoid that negates the negative entries of z in place (z[z < 0] *= -1) to
reuse one formula: the result is right but the caller's array is modified.

Held-out batch 2 (H4): correct_numpy.py with this one mistake.
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    neg = z < 0
    z[neg] *= -1
    e = np.exp(-z)
    z_sign = np.where(neg, -1.0, 1.0)
    out = np.where(z_sign > 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return float(out) if out.ndim == 0 else out


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=float)
    out = h * (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=float)
    a1, b1, a2, b2 = box
    tx = sigmoid(w * (P[:, 0] - a1)) - sigmoid(w * (P[:, 0] - b1))
    ty = sigmoid(w * (P[:, 1] - a2)) - sigmoid(w * (P[:, 1] - b2))
    return h * sigmoid(w * (tx + ty - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=float)
    x = np.asarray(x, dtype=float)
    k = len(f_values)
    edges = np.linspace(lo, hi, k + 1)
    xs = x[..., None]
    towers = f_values * (sigmoid(w * (xs - edges[:-1])) - sigmoid(w * (xs - edges[1:])))
    out = towers.sum(axis=-1)
    return float(out) if out.ndim == 0 else out
