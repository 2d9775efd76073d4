"""Sigmoid towers written scalar-first: a math-module sigmoid on plain Python floats, applied in
explicit loops over the entries; numpy only to read the inputs and to build the arrays the API
returns.

Correct solution (style: scalar).
"""

import math

import numpy as np


def _sig(t):
    if t >= 0:
        return 1.0 / (1.0 + math.exp(-t))
    e = math.exp(t)
    return e / (1.0 + e)


def _map(fn, z):
    arr = np.asarray(z, dtype=np.float64)
    flat = arr.reshape(-1)
    out = np.empty(flat.shape[0], dtype=np.float64)
    for i in range(flat.shape[0]):
        out[i] = fn(float(flat[i]))
    out = out.reshape(arr.shape)
    return float(out) if arr.ndim == 0 else out


def sigmoid(z):
    """1 / (1 + e^-z), elementwise and stable."""
    return _map(_sig, z)


def tower_1d(x, a, b, h, w):
    """h (s(w(x - a)) - s(w(x - b)))."""
    return _map(lambda t: h * (_sig(w * (t - a)) - _sig(w * (t - b))), x)


def tower_2d(P, box, h, w):
    """h s(w (Tx + Ty - 1.5))."""
    pts = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    out = np.empty(pts.shape[0], dtype=np.float64)
    for i in range(pts.shape[0]):
        px, py = float(pts[i, 0]), float(pts[i, 1])
        tx = _sig(w * (px - a1)) - _sig(w * (px - b1))
        ty = _sig(w * (py - a2)) - _sig(w * (py - b2))
        out[i] = h * _sig(w * (tx + ty - 1.5))
    return out


def approximate_1d(f_values, lo, hi, w, x):
    """Sum of one tower per bin, of height f at the bin's midpoint."""
    heights = [float(v) for v in np.asarray(f_values, dtype=np.float64)]
    k = len(heights)
    edges = [float(e) for e in np.linspace(lo, hi, k + 1)]

    def staircase(t):
        total = 0.0
        for j in range(k):
            total += heights[j] * (_sig(w * (t - edges[j])) - _sig(w * (t - edges[j + 1])))
        return total

    return _map(staircase, x)
