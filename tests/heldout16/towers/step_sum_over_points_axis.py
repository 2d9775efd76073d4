"""The signed steps are summed over axis 0 (the points) instead of the last axis (the two edges):
for an array x the result has 2 entries (the up and down steps summed over all points) instead
of one value per point; only a single number x is right.

Mistake in `tower_1d`, written in the style of correct_masks.py.
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    pos = z >= 0
    e = np.exp(np.where(pos, -z, z))  # exp(-|z|): never overflows
    num = np.where(pos, 1.0, e)
    out = num / (1.0 + e)
    return float(out) if out.ndim == 0 else out


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    edges = np.array([a, b], dtype=np.float64)
    steps = sigmoid(w * (x[..., None] - edges))  # (..., 2)
    signs = np.where(np.arange(2) == 0, 1.0, -1.0)
    out = h * np.sum(signs * steps, axis=0)
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    edges = np.reshape(np.asarray(box, dtype=np.float64), (2, 2))  # [[a1, b1], [a2, b2]]
    S = sigmoid(w * (P[:, :, None] - edges[None]))  # (m, coordinate, edge)
    T = S[..., 0] - S[..., 1]  # (m, 2): Tx, Ty
    return h * sigmoid(w * (T.sum(axis=1) - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    edges = np.linspace(lo, hi, k + 1)
    S = sigmoid(w * (x[..., None] - edges))  # (..., k + 1)
    towers = S[..., :-1] - S[..., 1:]
    F = towers @ f_values
    return float(F) if np.ndim(F) == 0 else F
