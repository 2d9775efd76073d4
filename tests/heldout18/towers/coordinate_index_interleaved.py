"""The column index array that pairs each coordinate with its box edges is [0, 1, 0, 1] instead of
[0, 0, 1, 1]: the box is (a1, b1, a2, b2), so x is compared with a1 and a2 and y with b1 and b2,
and Tx = sigma(w(x - a1)) - sigma(w(y - b1)), Ty = sigma(w(x - a2)) - sigma(w(y - b2)) mix the
two coordinates; the tower is not over the box.

In `tower_2d`; written in the style of correct_indexing.
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    flat = z.ravel()
    out = np.zeros_like(flat)
    pos = np.flatnonzero(flat >= 0)
    neg = np.flatnonzero(flat < 0)
    out[pos] = 1.0 / (1.0 + np.exp(-flat[pos]))
    e = np.exp(flat[neg])
    out[neg] = e / (1.0 + e)
    out = out.reshape(z.shape)
    return float(out) if out.ndim == 0 else out


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    edges = np.array([a, b], dtype=np.float64)
    S = sigmoid(w * (x[..., None] - edges))
    out = h * (S[..., 0] - S[..., 1])
    return float(out) if out.ndim == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    edges = np.asarray(box, dtype=np.float64)        # a1, b1, a2, b2
    S = sigmoid(w * (P[:, [0, 1, 0, 1]] - edges))
    T = S[:, [0, 2]] - S[:, [1, 3]]                  # columns Tx, Ty
    return h * sigmoid(w * (T[:, 0] + T[:, 1] - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    delta = (hi - lo) / k
    edges = lo + np.arange(k + 1) * delta
    S = sigmoid(w * (x[..., None] - edges))
    left, right = np.arange(k), np.arange(1, k + 1)
    F = (S[..., left] - S[..., right]) @ f_values
    return float(F) if F.ndim == 0 else F
