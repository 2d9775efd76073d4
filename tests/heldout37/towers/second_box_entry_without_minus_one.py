"""The upper x edge is read as box[2] (MATLAB's box(3) index kept) instead of box[2 - 1].

b1 becomes a2, so the x tower runs over [a1, a2] instead of [a1, b1].

Mistake in tower_2d (written from correct_matlab.py).
"""

import numpy as np


def sigmoid(z):
    """1 / (1 + exp(-z)) elementwise, with exp(z) / (1 + exp(z)) for negative z (no overflow)."""
    z = np.asarray(z, dtype=np.float64)
    zz = z.reshape(-1)
    numel = zz.shape[0]
    s = np.zeros(numel)
    for i in range(1, numel + 1):
        if zz[i - 1] >= 0:
            s[i - 1] = np.divide(1.0, 1.0 + np.exp(-zz[i - 1]))
        else:
            e = np.exp(zz[i - 1])
            s[i - 1] = np.divide(e, 1.0 + e)
    s = s.reshape(z.shape)
    if s.ndim == 0:
        return float(s)
    return s


def tower_1d(x, a, b, h, w):
    """h * (sigmoid(w (x - a)) - sigmoid(w (x - b)))."""
    x = np.asarray(x, dtype=np.float64)
    up = sigmoid(np.multiply(w, x - a))
    down = sigmoid(np.multiply(w, x - b))
    out = np.multiply(h, up - down)
    if np.ndim(out) == 0:
        return float(out)
    return out


def tower_2d(P, box, h, w):
    """h * sigmoid(w (Tx + Ty - 1.5)) for every point (row) of P."""
    P = np.asarray(P, dtype=np.float64)
    a1 = box[1 - 1]
    b1 = box[2]
    a2 = box[3 - 1]
    b2 = box[4 - 1]
    rows = P.shape[0]
    out = np.zeros(rows)
    for i in range(1, rows + 1):
        px = P[i - 1, 0]
        py = P[i - 1, 1]
        Tx = sigmoid(w * (px - a1)) - sigmoid(w * (px - b1))
        Ty = sigmoid(w * (py - a2)) - sigmoid(w * (py - b2))
        out[i - 1] = h * sigmoid(w * (Tx + Ty - 1.5))
    return out


def approximate_1d(f_values, lo, hi, w, x):
    """Sum of k towers, tower j on bin j of [lo, hi] with height f_values(j)."""
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    delta = np.divide(hi - lo, k)
    F = np.zeros(x.shape)
    for j in range(1, k + 1):
        left = lo + (j - 1) * delta
        right = lo + j * delta
        F = F + tower_1d(x, left, right, f_values[j - 1], w)
    if F.ndim == 0:
        return float(F)
    return F
