"""The sorted values are put back with values[order] instead of out[order] = values: that applies
the sorting permutation a second time instead of inverting it, so the sigmoids end up at the
wrong positions (already sorted inputs, like a linspace, and single numbers come out right; any
unsorted array does not), and every tower built on it is scrambled too.

Mistake in `sigmoid`; written in the style of correct_cumulative.py.
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    flat = z.ravel()
    order = np.argsort(flat, kind="stable")
    ordered = flat[order]
    k = np.searchsorted(ordered, 0.0)                  # ordered[:k] < 0 <= ordered[k:]
    e = np.exp(-np.abs(ordered))
    values = np.concatenate([e[:k] / (1.0 + e[:k]), 1.0 / (1.0 + e[k:])])
    out = np.empty_like(flat)
    out = values[order]                                # back to the original positions
    out = out.reshape(z.shape)
    return float(out) if out.ndim == 0 else out


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    steps = sigmoid(w * (x[..., np.newaxis] - np.array([a, b])))   # (..., 2): steps at a and b
    out = -h * np.diff(steps, axis=-1)[..., 0]
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    edges = np.array([[a1, b1], [a2, b2]])                 # (coordinate, edge)
    steps = sigmoid(w * (P[:, :, np.newaxis] - edges[np.newaxis]))  # (m, 2, 2)
    T = -np.diff(steps, axis=-1)[..., 0]                   # (m, 2): Tx, Ty
    total = np.add.reduce(T, axis=1)                       # Tx + Ty
    offset = T.shape[1] - 0.5                              # 1.5: coordinates minus a half
    return h * np.asarray(sigmoid(w * (total - offset)))


def approximate_1d(f_values, lo, hi, w, x):
    f = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f.shape[0]
    delta = (hi - lo) / k
    edges = lo + np.concatenate(([0.0], np.cumsum(np.full(k, delta))))   # e_0 = lo, ..., e_k
    jumps = np.diff(np.pad(f, 1))                          # f_0, f_1 - f_0, ..., -f_(k-1)
    steps = sigmoid(w * (x[..., np.newaxis] - edges))      # (..., k + 1)
    F = (steps * jumps).sum(axis=-1)
    return float(F) if F.ndim == 0 else F
