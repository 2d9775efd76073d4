"""The two coordinate towers are multiplied (math.prod, 'inside in x AND inside in y') instead of
added before the outer threshold: Tx*Ty is at most 1, so Tx*Ty - 1.5 is always below -0.5 and
the outer sigmoid gives at most about h*sigma(-w/2), almost 0, even inside the box.

In `tower_2d`; written in the style of correct_mathlib.
"""

import math

import numpy as np


def _sig(t):
    e = math.exp(-abs(t))
    return 1.0 / (1.0 + e) if t >= 0 else e / (1.0 + e)


def _apply(fn, z):
    z = np.asarray(z, dtype=np.float64)
    out = np.array([fn(t) for t in z.ravel().tolist()], dtype=np.float64).reshape(z.shape)
    return float(out) if out.ndim == 0 else out


def sigmoid(z):
    return _apply(_sig, z)


def tower_1d(x, a, b, h, w):
    return _apply(lambda t: h * (_sig(w * (t - a)) - _sig(w * (t - b))), x)


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    out = []
    for px, py in P.tolist():
        tx = _sig(w * (px - a1)) - _sig(w * (px - b1))
        ty = _sig(w * (py - a2)) - _sig(w * (py - b2))
        out.append(h * _sig(w * (math.prod((tx, ty)) - 3 / 2)))
    return np.array(out, dtype=np.float64).reshape(P.shape[0])


def approximate_1d(f_values, lo, hi, w, x):
    heights = np.asarray(f_values, dtype=np.float64).tolist()
    k = len(heights)
    delta = (hi - lo) / k
    edges = [lo + j * delta for j in range(k + 1)]

    def staircase(t):
        steps = [_sig(w * (t - e)) for e in edges]
        return math.fsum(f * (steps[j] - steps[j + 1]) for j, f in enumerate(heights))

    return _apply(staircase, x)
