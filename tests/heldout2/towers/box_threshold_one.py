"""tower_2d: The outer sigmoid uses Tx + Ty − 1 instead of − 1.5, so the strips where only one
coordinate is inside the box get half the height instead of ≈ 0.

Held-out batch 2 (H4): correct_numpy.py with this one mistake.
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    out = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
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
    return h * sigmoid(w * (tx + ty - 1))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=float)
    x = np.asarray(x, dtype=float)
    k = len(f_values)
    edges = np.linspace(lo, hi, k + 1)
    xs = x[..., None]
    towers = f_values * (sigmoid(w * (xs - edges[:-1])) - sigmoid(w * (xs - edges[1:])))
    out = towers.sum(axis=-1)
    return float(out) if out.ndim == 0 else out
