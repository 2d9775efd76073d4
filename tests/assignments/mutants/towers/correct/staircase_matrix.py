"""A correct solution in another style: a sigmoid by cases on the sign, towers as two steps
dotted with (h, −h), and the staircase as the matrix of its k + 1 steps times a (k + 1, k)
difference matrix times the heights."""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    small = np.exp(-np.abs(z))
    out = np.where(z >= 0, 1.0 / (1.0 + small), small / (1.0 + small))
    return float(out) if out.ndim == 0 else out


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=float)
    steps = np.stack([sigmoid(w * (x - a)), sigmoid(w * (x - b))], axis=-1)
    out = steps @ np.array([h, -h], dtype=float)
    return float(out) if out.ndim == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=float)
    a1, b1, a2, b2 = box
    Tx = tower_1d(P[:, 0], a1, b1, 1.0, w)
    Ty = tower_1d(P[:, 1], a2, b2, 1.0, w)
    return h * sigmoid(w * (Tx + Ty - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    heights = np.asarray(f_values, dtype=float)
    x = np.asarray(x, dtype=float)
    k = heights.shape[0]
    delta = (hi - lo) / k
    edges = lo + delta * np.arange(k + 1)
    steps = sigmoid(w * (x[..., None] - edges))  # (..., k + 1)
    difference = np.eye(k + 1, k) - np.eye(k + 1, k, k=-1)
    out = steps @ difference @ heights
    return float(out) if out.ndim == 0 else out
