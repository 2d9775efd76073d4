"""px, py = P unpacks the ROWS of P (its first two points), not its two columns: for m != 2 points
it raises ValueError (too many values to unpack), and for m = 2 it mixes up points and
coordinates.

Mistake in `tower_2d`; written in the style of correct_einsum.py.
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
    out = h * (np.asarray(sigmoid(w * (x - a))) - np.asarray(sigmoid(w * (x - b))))
    return float(out) if out.ndim == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    px, py = P
    inner = (sigmoid(w * (px - a1)) - sigmoid(w * (px - b1))
             + sigmoid(w * (py - a2)) - sigmoid(w * (py - b2)))
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
