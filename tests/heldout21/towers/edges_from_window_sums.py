"""The windows of consecutive midpoints are summed instead of averaged: every edge is twice the
point halfway between two midpoints, 2 e_j, so the staircase is stretched over [2 lo, 2 hi] (and
is right only when lo = hi = 0).

Mistake in `approximate_1d`, written in the style of correct_sliding.py.
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    s = np.exp(-np.logaddexp(0.0, -z))                    # 1 / (1 + e^-z) without overflow
    return float(s) if s.ndim == 0 else s


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    window = np.array([a, b], dtype=np.float64)
    steps = sigmoid(w * (x[..., np.newaxis] - window))   # (..., 2): the step at a and at b
    out = h * (steps[..., 0] - steps[..., 1])
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    intervals = sliding_window_view(np.asarray(box, dtype=np.float64), 2)[::2]   # (2, 2)
    steps = sigmoid(w * (P[:, :, np.newaxis] - intervals))   # (m, coordinate, edge)
    T = steps[..., 0] - steps[..., 1]                     # (m, 2): Tx and Ty
    return h * sigmoid(w * (T.sum(axis=1) - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    delta = (hi - lo) / k
    mids = lo + (np.arange(k) + 0.5) * delta              # where f was sampled
    padded = np.concatenate([[lo - delta / 2], mids, [hi + delta / 2]])
    edges = sliding_window_view(padded, 2).sum(axis=1)    # (k + 1,): halfway between midpoints
    bins = sliding_window_view(edges, 2)                  # (k, 2): (left, right) of every bin
    steps = sigmoid(w * (x[..., np.newaxis, np.newaxis] - bins))   # (..., k, 2)
    F = (steps[..., 0] - steps[..., 1]) @ f_values
    return float(F) if np.ndim(F) == 0 else F
