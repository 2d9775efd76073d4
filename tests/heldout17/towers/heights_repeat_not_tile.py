"""np.repeat where np.tile is meant for the heights: repeat gives f_0, f_0, f_1, f_1, ... instead
of f_0 .. f_(k-1), f_0 .. f_(k-1), so the heights no longer line up with the concatenated edges
(k up-steps, then k down-steps): with k >= 2 the steps carry the wrong heights and the staircase
is wrong.

Mistake in `approximate_1d`, written in the style of correct_stacking.py (stacking).
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return float(s) if s.ndim == 0 else s


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    steps = sigmoid(w * (x[..., None] - np.r_[a, b]))     # (..., 2): the steps at a and at b
    out = h * (steps @ np.r_[1.0, -1.0])
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    Tx = tower_1d(P[:, 0], a1, b1, 1.0, w)
    Ty = tower_1d(P[:, 1], a2, b2, 1.0, w)
    T = np.c_[Tx, Ty].sum(axis=1)
    return h * sigmoid(w * (T - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    delta = (hi - lo) / k
    lefts = lo + delta * np.arange(k)
    edges = np.concatenate([lefts, lefts + delta])          # k up-steps, then k down-steps
    heights = np.repeat(f_values, 2) * np.repeat([1.0, -1.0], k)
    F = sigmoid(w * (x[..., None] - edges)) @ heights
    return float(F) if np.ndim(F) == 0 else F
