"""The difference matrix is only the (k+1, k) identity: the subdiagonal -1s (the down-steps at the
right edges) are forgotten, so every bin contributes f_j * sigma(w(x - e_j)), a step that never
comes down; F(x) is the running sum of the heights to the left of x instead of the height of x's
bin.

Graded function: `approximate_1d`. Written in the style of correct_linalg.py.
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
    D = np.eye(k + 1, k)          # (S D)_j = S_j − S_{j+1}
    F = np.dot(np.dot(S, D), f)
    return float(F) if np.ndim(F) == 0 else F
