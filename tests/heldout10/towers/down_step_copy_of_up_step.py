"""Copy-paste slip: the down-step uses a instead of b, so up - down is 0 everywhere and the tower
is flat.

Mistake in `tower_1d`; edited from correct_matmul.py.
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return float(out) if out.ndim == 0 else out


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    up = sigmoid(w * (x - a))
    down = sigmoid(w * (x - a))
    out = h * (np.asarray(up) - np.asarray(down))
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    lo = np.array([a1, a2], dtype=np.float64)
    hi = np.array([b1, b2], dtype=np.float64)
    T = sigmoid(w * (P - lo)) - sigmoid(w * (P - hi))
    return h * sigmoid(w * (T.sum(axis=1) - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f.shape[0]
    edges = lo + (hi - lo) * np.arange(k + 1) / k
    steps = sigmoid(w * (x[..., None] - edges))
    towers = steps[..., :-1] - steps[..., 1:]
    F = (towers * f).sum(axis=-1)
    return float(F) if np.ndim(F) == 0 else F
