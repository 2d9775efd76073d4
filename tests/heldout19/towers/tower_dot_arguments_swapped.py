"""np.dot gets its arguments in the wrong order, np.dot((h, -h), steps) instead of np.dot(steps,
(h, -h)): for a scalar x the steps are a 2-vector and it works, but for an array x of m points
(steps of shape (m, 2)) the contraction runs over the wrong axis and fails with a shape error
(for exactly two points it silently mixes the points).

Graded function: `tower_1d`. Written in the style of correct_linalg.py.
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
    out = np.dot(np.array([h, -h], dtype=np.float64), steps)
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
