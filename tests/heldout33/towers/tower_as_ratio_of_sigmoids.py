"""The 1-D tower subtracts the two log-sigmoids and exponentiates, a ratio of sigmoids instead of their difference.

exp(log a - log b) = a / b, not a - b: tower_1d returns h sigma(w(x - a)) / sigma(w(x - b)),
which tends to h far to the right of b (where the tower is 0) and is far larger than h inside
and to the left of the tower (about h e^{w(b - x)}).

Graded: tower_1d. Written from correct_logdomain.py.
"""

import numpy as np


def log_sigmoid(z):
    """log sigma(z) = -log(1 + e^{-z}), stable for any z."""
    return -np.logaddexp(0.0, -np.asarray(z, dtype=np.float64))


def sigmoid(z):
    s = np.exp(log_sigmoid(z))
    return float(s) if s.ndim == 0 else s


def _step(x, edge, w):
    """sigma(w (x - edge)) as an array."""
    return np.exp(log_sigmoid(w * (x - edge)))


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    out = h * np.exp(log_sigmoid(w * (x - a)) - log_sigmoid(w * (x - b)))
    return float(out) if out.ndim == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    Tx = _step(P[:, 0], a1, w) - _step(P[:, 0], b1, w)
    Ty = _step(P[:, 1], a2, w) - _step(P[:, 1], b2, w)
    return h * np.exp(log_sigmoid(w * (Tx + Ty - 1.5)))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    delta = (hi - lo) / k
    total = np.zeros(x.shape)
    for j in range(k):
        left = lo + j * delta
        right = lo + (j + 1) * delta
        total = total + f_values[j] * (_step(x, left, w) - _step(x, right, w))
    return float(total) if total.ndim == 0 else total
