"""sigmoid is computed as exp(z)/(1+exp(z)), which gives inf/inf = NaN for large positive z.

One mistake: written for held-out batch 3 (issue 16) without seeing the
catalogue; see README.md.
"""

import numpy as np


def sigmoid(z):
    e = np.exp(np.asarray(z, dtype=float))
    return e / (1.0 + e)


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=float)
    return h * (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))


def _bump(t, lo, hi, w):
    return sigmoid(w * (t - lo)) - sigmoid(w * (t - hi))


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=float)
    return h * sigmoid(w * (_bump(P[:, 0], box[0], box[1], w)
                            + _bump(P[:, 1], box[2], box[3], w) - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f = np.asarray(f_values, dtype=float)
    edges = np.linspace(lo, hi, len(f) + 1)
    x = np.asarray(x, dtype=float)[..., None]
    return (f * (sigmoid(w * (x - edges[:-1])) - sigmoid(w * (x - edges[1:])))).sum(axis=-1)
