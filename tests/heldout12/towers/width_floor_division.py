"""The bin width is computed with floor division, (hi - lo) // k: it is rounded down to a whole
number (0 when hi - lo < k), so the bins do not cover [lo, hi] and the towers sit in the wrong
places or have zero width.

Mistake in `approximate_1d`; written in the style of correct_ufunc.py.
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(np.negative(np.abs(z)))
    out = np.empty_like(z)
    pos = np.greater_equal(z, 0)
    np.divide(1.0, np.add(1.0, e), out=out, where=pos)
    np.divide(e, np.add(1.0, e), out=out, where=np.logical_not(pos))
    return float(out) if out.ndim == 0 else out


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    up = sigmoid(np.multiply(w, np.subtract(x, a)))
    down = sigmoid(np.multiply(w, np.subtract(x, b)))
    out = np.multiply(h, np.subtract(up, down))
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    Tx = tower_1d(P[:, 0], a1, b1, 1.0, w)
    Ty = tower_1d(P[:, 1], a2, b2, 1.0, w)
    inner = np.subtract(np.add(Tx, Ty), 1.5)
    return np.multiply(h, sigmoid(np.multiply(w, inner)))


def approximate_1d(f_values, lo, hi, w, x):
    heights = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = heights.shape[0]
    delta = (hi - lo) // k
    left = np.add(lo, np.multiply(np.arange(k), delta))
    right = np.add(left, delta)
    up = sigmoid(np.multiply(w, np.subtract.outer(x, left)))
    down = sigmoid(np.multiply(w, np.subtract.outer(x, right)))
    F = np.add.reduce(np.multiply(np.subtract(up, down), heights), axis=-1)
    return float(F) if np.ndim(F) == 0 else F
