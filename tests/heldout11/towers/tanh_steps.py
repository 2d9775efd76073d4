"""tower_1d builds its two steps with np.tanh instead of the sigmoid: tanh goes from -1 to 1, so
the tower has height 2h and its steps are twice as steep.

Mistake in `tower_1d`; written in the style of correct_einsum.py.
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    pos = 1.0 / (1.0 + e)
    out = np.where(z >= 0, pos, e * pos)
    return float(out) if out.ndim == 0 else out


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    out = h * (np.tanh(w * (x - a)) - np.tanh(w * (x - b)))
    return float(out) if out.ndim == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    lo = np.array([a1, a2])
    hi = np.array([b1, b2])
    T = sigmoid(w * (P - lo)) - sigmoid(w * (P - hi))
    inner = np.einsum("mc->m", T)
    return h * sigmoid(w * (inner - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f.shape[0]
    edges = np.linspace(lo, hi, k + 1)
    xs = x[..., None]
    T = sigmoid(w * (xs - edges[:-1])) - sigmoid(w * (xs - edges[1:]))
    F = np.einsum("...k,k->...", T, f)
    return float(F) if F.ndim == 0 else F
