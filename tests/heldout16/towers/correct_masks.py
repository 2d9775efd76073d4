"""Sigmoid towers with masks: the sigmoid picks the stable formula per entry with a sign mask
(np.where for the exponent and the numerator), a tower is a signed sum over a trailing edge axis
(sign +1 for a, -1 for b), the 2-D tower evaluates the (2, 2) grid of edges at once, and the
staircase differences the steps at all k + 1 edges and weights them with f.

Correct solution (style: masks).
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    pos = z >= 0
    e = np.exp(np.where(pos, -z, z))  # exp(-|z|): never overflows
    num = np.where(pos, 1.0, e)
    out = num / (1.0 + e)
    return float(out) if out.ndim == 0 else out


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    edges = np.array([a, b], dtype=np.float64)
    steps = sigmoid(w * (x[..., None] - edges))  # (..., 2)
    signs = np.where(np.arange(2) == 0, 1.0, -1.0)
    out = h * np.sum(signs * steps, axis=-1)
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    edges = np.reshape(np.asarray(box, dtype=np.float64), (2, 2))  # [[a1, b1], [a2, b2]]
    S = sigmoid(w * (P[:, :, None] - edges[None]))  # (m, coordinate, edge)
    T = S[..., 0] - S[..., 1]  # (m, 2): Tx, Ty
    return h * sigmoid(w * (T.sum(axis=1) - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    edges = np.linspace(lo, hi, k + 1)
    S = sigmoid(w * (x[..., None] - edges))  # (..., k + 1)
    towers = S[..., :-1] - S[..., 1:]
    F = towers @ f_values
    return float(F) if np.ndim(F) == 0 else F
