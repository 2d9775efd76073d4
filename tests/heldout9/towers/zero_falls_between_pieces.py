"""The np.piecewise conditions are z > 0 and z < 0: z == 0 is in neither piece and gets piecewise's default 0, so sigma(0) = 0 instead of 0.5 (and every tower is wrong exactly at its edges).

Graded function: sigmoid. Edited from correct_piecewise.py.
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    flat = np.atleast_1d(z)
    s = np.piecewise(
        flat,
        [flat > 0, flat < 0],
        [lambda t: 1.0 / (1.0 + np.exp(-t)), lambda t: np.exp(t) / (1.0 + np.exp(t))],
    )
    s = s.reshape(z.shape)
    return float(s) if s.ndim == 0 else s


def _step(x, c, w):
    return sigmoid(w * (np.asarray(x, dtype=np.float64) - c))


def _bump(x, a, b, w):
    return _step(x, a, w) - _step(x, b, w)


def tower_1d(x, a, b, h, w):
    out = h * _bump(x, a, b, w)
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    Tx = _bump(P[:, 0], a1, b1, w)
    Ty = _bump(P[:, 1], a2, b2, w)
    return h * sigmoid(w * (Tx + Ty - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    d = (hi - lo) / k
    edges = lo + d * np.arange(k + 1)
    steps = np.asarray(sigmoid(w * (x[..., None] - edges)))
    towers = steps[..., :-1] - steps[..., 1:]
    F = towers @ f_values
    return float(F) if np.ndim(F) == 0 else F
