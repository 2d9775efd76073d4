"""The visible bins are found from the .mask attribute, which is the scalar nomask when no height is 0.

When f has no zero height, masked_equal masks nothing and .mask is the single value False:
~False is True and np.flatnonzero(True) is [0], so only the FIRST bin's tower is summed. With a
zero somewhere the mask is an array and the sum is right.

Mistake in `approximate_1d`; written from correct_maskedarray.py.
"""

import numpy as np
import numpy.ma as ma


def sigmoid(z):
    """1 / (1 + e^-z) without overflow: only e^-|z| is ever computed."""
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    upper = ma.masked_where(z < 0, 1.0 / (1.0 + e))      # the branch for z >= 0
    lower = ma.masked_where(z >= 0, e / (1.0 + e))       # the branch for z < 0
    s = upper.filled(0.0) + lower.filled(0.0)
    return float(s) if s.ndim == 0 else s


def tower_1d(x, a, b, h, w):
    """h (sigma(w(x - a)) - sigma(w(x - b)))."""
    x = np.asarray(x, dtype=np.float64)
    out = h * (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    """h sigma(w (Tx + Ty - 1.5)) over the box (a1, b1, a2, b2)."""
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    Tx = sigmoid(w * (P[:, 0] - a1)) - sigmoid(w * (P[:, 0] - b1))
    Ty = sigmoid(w * (P[:, 1] - a2)) - sigmoid(w * (P[:, 1] - b2))
    return h * np.asarray(sigmoid(w * (Tx + Ty - 1.5)))


def approximate_1d(f_values, lo, hi, w, x):
    """The sum of one tower per bin of [lo, hi], height f at the bin's midpoint."""
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    width = (hi - lo) / k
    heights = ma.masked_equal(f_values, 0.0)             # a zero-height tower adds nothing
    F = np.zeros_like(x)
    for j in np.flatnonzero(~heights.mask):
        F = F + tower_1d(x, lo + j * width, lo + (j + 1) * width, heights[j], w)
    return float(F) if F.ndim == 0 else F
