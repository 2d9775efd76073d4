"""Sigmoid towers as linear algebra: a tower is the vector of its two steps dotted with
(h, −h); the 2-D tower's Tx + Ty is the (m, 4) matrix of its four edge steps times
(1, −1, 1, −1); the staircase is the (…, k+1) matrix of steps at the bin edges times a
difference matrix D = I − (subdiagonal identity) of shape (k+1, k), applied to the heights
(np.dot of the steps with D f).

Correct solution (style: linalg).
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return float(s) if s.ndim == 0 else s


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    steps = sigmoid(w * (x[..., None] - np.array([a, b], dtype=np.float64)))
    out = np.dot(steps, np.array([h, -h], dtype=np.float64))
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    edges = np.array([a1, b1, a2, b2], dtype=np.float64)
    S = sigmoid(w * (P[:, [0, 0, 1, 1]] - edges))          # (m, 4) steps at the four edges
    T = np.dot(S, np.array([1.0, -1.0, 1.0, -1.0]))        # Tx + Ty
    return h * sigmoid(w * (T - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f.shape[0]
    edges = np.linspace(lo, hi, k + 1)
    S = sigmoid(w * (x[..., None] - edges))                # (..., k+1) steps at the edges
    D = np.eye(k + 1, k) - np.eye(k + 1, k, k=-1)          # (S D)_j = S_j − S_{j+1}
    F = np.dot(np.dot(S, D), f)
    return float(F) if np.ndim(F) == 0 else F
