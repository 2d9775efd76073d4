"""Sigmoid towers written assert-first: each function asserts what it relies on (finite
steepness, a box of four edges, k >= 1 bins with hi > lo) inside a try block whose
AssertionError becomes a ValueError; the towers themselves are plain numpy.

Correct solution (style: asserts).
"""

import numpy as np


def _check(*conditions):
    """Raises ValueError when one of the (condition, message) pairs does not hold."""
    try:
        for condition, message in conditions:
            assert condition, message
    except AssertionError as err:
        raise ValueError(str(err)) from None


def sigmoid(z):
    """1 / (1 + e^-z) without overflow: e^-|z| is never larger than 1."""
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return float(s) if s.ndim == 0 else s


def tower_1d(x, a, b, h, w):
    """h * (sigma(w(x - a)) - sigma(w(x - b)))."""
    _check((np.isfinite(w), "w must be finite"))
    x = np.asarray(x, dtype=float)
    out = h * (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    """h * sigma(w (Tx + Ty - 1.5)) over the box (a1, b1, a2, b2)."""
    P = np.asarray(P, dtype=float)
    _check((P.ndim == 2 and P.shape[1] == 2, "P must be (m, 2)"),
           (len(box) == 4, "box must be (a1, b1, a2, b2)"))
    a1, b1, a2, b2 = box
    Tx = sigmoid(w * (P[:, 0] - a1)) - sigmoid(w * (P[:, 0] - b1))
    Ty = sigmoid(w * (P[:, 1] - a2)) - sigmoid(w * (P[:, 1] - b2))
    return h * sigmoid(w * (Tx + Ty - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    """The sum of k towers, one per bin of [lo, hi], height f at the bin's midpoint."""
    f_values = np.asarray(f_values, dtype=float)
    _check((f_values.ndim == 1 and f_values.shape[0] >= 1, "f_values must be (k,), k >= 1"),
           (hi > lo, "need hi > lo"))
    x = np.asarray(x, dtype=float)
    k = f_values.shape[0]
    width = (hi - lo) / k
    total = np.zeros(x.shape)
    for j in range(k):
        left = lo + j * width
        right = lo + (j + 1) * width
        total = total + f_values[j] * (sigmoid(w * (x - left)) - sigmoid(w * (x - right)))
    return float(total) if total.ndim == 0 else total
