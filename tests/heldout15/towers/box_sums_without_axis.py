"""T.sum() without axis=1 adds Tx + Ty over ALL points instead of per point: the outer sigmoid sees
one big number, so tower_2d returns a single value (usually h) instead of one value per point.

Single mistake in `tower_2d`; written in the style of correct_scipy.
"""

import numpy as np
from scipy.special import expit, softmax


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    s = softmax(np.stack([np.zeros_like(z), z]), axis=0)[1]
    return float(s) if s.ndim == 0 else s


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    steps = np.stack([expit(w * (x - b)), expit(w * (x - a))])
    out = h * np.diff(steps, axis=0)[0]
    return float(out) if out.ndim == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    lower = np.array([box[0], box[2]], dtype=np.float64)
    upper = np.array([box[1], box[3]], dtype=np.float64)
    T = expit(w * (P - lower)) - expit(w * (P - upper))
    return h * expit(w * (T.sum() - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    edges = np.linspace(lo, hi, f_values.shape[0] + 1)
    S = expit(w * (x[..., None] - edges))
    towers = -np.diff(S, axis=-1)
    F = towers @ f_values
    return float(F) if F.ndim == 0 else F
