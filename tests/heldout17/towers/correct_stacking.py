"""Sigmoid towers with stacked arrays: a tower is the two steps at np.r_[a, b] along a new last
axis, combined with the signs np.r_[1, -1]; the 2-D tower puts Tx and Ty side by side with np.c_;
the staircase concatenates the k up-steps and the k down-steps into one edge array with heights
np.tile(f, 2) signed by np.repeat([1, -1], k).

Correct solution (style: stacking).
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
    heights = np.tile(f_values, 2) * np.repeat([1.0, -1.0], k)
    F = sigmoid(w * (x[..., None] - edges)) @ heights
    return float(F) if np.ndim(F) == 0 else F
