"""Sigmoid towers with the points stored as COLUMNS: x is laid out as a (1, N) row of sample
columns and the tower edges as a column, so the steps form an (edges x points) table; the 2-D
points P are transposed to (2, m), one column per point, against (2, 1) columns of lower and
upper edges, and the per-point sums run down axis 0. Results are transposed/reshaped back to the
shape of the input.

Correct solution (style: colmajor).
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))                                # in (0, 1]: never overflows
    s = np.where(z >= 0, 1.0, e) / (1.0 + e)
    return float(s) if s.ndim == 0 else s


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    X = x.reshape(1, -1)                                  # (1, N): one column per point
    E = np.array([[a], [b]], dtype=np.float64)            # (2, 1): the two edges
    steps = sigmoid(w * (X - E))                          # (2, N)
    out = (h * (steps[0] - steps[1])).reshape(x.shape)
    return float(out) if out.ndim == 0 else out


def tower_2d(P, box, h, w):
    Pt = np.asarray(P, dtype=np.float64).T                # (2, m): one column per point
    a1, b1, a2, b2 = box
    lower = np.array([[a1], [a2]], dtype=np.float64)      # (2, 1)
    upper = np.array([[b1], [b2]], dtype=np.float64)
    T = sigmoid(w * (Pt - lower)) - sigmoid(w * (Pt - upper))   # (2, m): Tx and Ty rows
    return h * sigmoid(w * (T.sum(axis=0) - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    E = np.linspace(lo, hi, k + 1)[:, np.newaxis]         # (k + 1, 1): the edges as a column
    X = x.reshape(1, -1)                                  # (1, N)
    steps = sigmoid(w * (X - E))                          # (k + 1, N)
    towers = steps[:-1] - steps[1:]                       # (k, N): bin j is row j
    F = (f_values @ towers).reshape(x.shape)
    return float(F) if F.ndim == 0 else F
