"""The sign vector is given a new axis, SIGNS[:, np.newaxis] (a (2, 1) column), for the matrix
product: the steps times a column give a trailing axis of length 1, so tower_1d returns shape
(..., 1) instead of the shape of x (an array of one entry for a single number).

Mistake in `tower_1d`; written in the style of correct_broadcast.py.
"""

import numpy as np

SIGNS = np.array([1.0, -1.0])      # up-step, down-step


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1.0, e) / (1.0 + e)
    return float(s) if s.ndim == 0 else s


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    steps = sigmoid(w * (np.expand_dims(x, -1) - np.array([a, b])))   # (..., 2)
    out = h * (steps @ SIGNS[:, np.newaxis])
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    edges = np.array([[a1, b1], [a2, b2]])                 # (coordinate, edge)
    steps = sigmoid(w * (P[:, :, np.newaxis] - edges[np.newaxis, :, :]))   # (m, 2, 2)
    T = steps[..., 0] - steps[..., 1]                      # (m, 2): Tx, Ty
    return h * np.asarray(sigmoid(w * (T.sum(axis=1) - 1.5)))


def approximate_1d(f_values, lo, hi, w, x):
    f = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f.shape[0]
    edges = np.linspace(lo, hi, k + 1)
    xs = x[..., np.newaxis]                                # (..., 1) against the k bins
    T = sigmoid(w * (xs - edges[:-1])) - sigmoid(w * (xs - edges[1:]))   # (..., k)
    F = (T * f).sum(axis=-1)
    return float(F) if F.ndim == 0 else F
