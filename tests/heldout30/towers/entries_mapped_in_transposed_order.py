"""The scalar sigmoid is mapped over z.T.ravel() but the results are reshaped in z's order.

For a 1-D input nothing changes; for a 2-D input every entry gets the sigmoid of the entry at
its transposed position.

Single mistake in sigmoid; written from correct_mapapply.
"""

import math
import operator

import numpy as np


def _sigmoid_scalar(t):
    if t >= 0:
        return 1.0 / (1.0 + math.exp(-t))
    e = math.exp(t)
    return e / (1.0 + e)


def sigmoid(z):
    """1 / (1 + e^-z), elementwise, without overflow."""
    z = np.asarray(z, dtype=np.float64)
    s = np.fromiter(map(_sigmoid_scalar, z.T.ravel().tolist()), dtype=np.float64, count=z.size)
    return float(s[0]) if z.ndim == 0 else s.reshape(z.shape)


def tower_1d(x, a, b, h, w):
    """h * (sigma(w (x - a)) - sigma(w (x - b)))."""
    x = np.asarray(x, dtype=np.float64)
    rise, fall = map(lambda edge: sigmoid(w * (x - edge)), (a, b))
    out = h * operator.sub(rise, fall)
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    """h * sigma(w (Tx + Ty - 1.5)) over the box (a1, b1, a2, b2)."""
    P = np.asarray(P, dtype=np.float64)
    if P.ndim != 2 or P.shape[1] != 2 or len(box) != 4:
        raise ValueError("P must be (m, 2) and box (a1, b1, a2, b2)")
    Tx, Ty = map(lambda coord, lo, hi: sigmoid(w * (coord - lo)) - sigmoid(w * (coord - hi)),
                 P.T, box[0::2], box[1::2])
    return h * sigmoid(w * (Tx + Ty - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    """The sum of k towers, one per bin of [lo, hi], of height f at the bin's midpoint."""
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    edges = np.linspace(lo, hi, f_values.shape[0] + 1)
    towers = map(lambda left, right, height: tower_1d(x, left, right, height, w),
                 edges[:-1], edges[1:], f_values)
    F = np.asarray(sum(towers, np.zeros_like(x)))
    return float(F) if F.ndim == 0 else F
