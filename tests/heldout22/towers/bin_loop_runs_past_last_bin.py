"""<= where < is meant in the loop over the bins: after the last bin it goes round once more with j
= k and reads f_values[k], which does not exist, so approximate_1d raises IndexError for every
input.

Mistake in `approximate_1d`, written from correct_whileloops.py.
"""

import math

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    flat = z.ravel()
    out = np.zeros_like(flat)
    i = 0
    while i < flat.shape[0]:
        t = float(flat[i])
        if t >= 0:
            out[i] = 1.0 / (1.0 + math.exp(-t))
        else:
            e = math.exp(t)
            out[i] = e / (1.0 + e)
        i += 1
    s = out.reshape(z.shape)
    return float(s) if s.ndim == 0 else s


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    out = h * (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    m = P.shape[0]
    out = np.empty(m)
    i = 0
    while i < m:
        total = 0.0
        c = 0
        while c < 2:
            lo, hi = box[2 * c], box[2 * c + 1]
            total += sigmoid(w * (P[i, c] - lo)) - sigmoid(w * (P[i, c] - hi))
            c += 1
        out[i] = h * sigmoid(w * (total - 1.5))
        i += 1
    return out


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    delta = (hi - lo) / k
    F = np.zeros_like(x)
    j = 0
    while j <= k:
        left = lo + j * delta
        right = hi if j == k - 1 else lo + (j + 1) * delta
        F = F + tower_1d(x, left, right, f_values[j], w)
        j += 1
    return float(F) if F.ndim == 0 else F
