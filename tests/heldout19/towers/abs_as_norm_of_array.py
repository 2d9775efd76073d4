"""|z| is written as np.linalg.norm(z), which for an array is ONE number, the norm of the whole
array, instead of the elementwise absolute value: for a scalar it is right, but for an array
every entry uses e^(-||z||), so sigma is wrong everywhere except for arrays with a single non-
zero entry (and all the towers built on it are wrong).

Graded function: `sigmoid`. Written in the style of correct_linalg.py.
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.linalg.norm(z))
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
