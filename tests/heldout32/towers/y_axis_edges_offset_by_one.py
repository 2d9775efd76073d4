"""The axis table reads the y edges at box[1] and box[2] instead of box[2] and box[3].

The y tower spans [b1, a2] instead of [a2, b2], so the 2-D tower sits over the wrong box (and
vanishes when b1 > a2).

Single mistake in tower_2d; written from correct_reflection.
"""

import operator

import numpy as np

_BRANCHES = {
    "positive": lambda e: 1.0 / (1.0 + e),
    "negative": lambda e: e / (1.0 + e),
}
_AXES = {"x": (0, 0, 1), "y": (1, 1, 2)}   # column of P, index of a, index of b in box


def _scalar_or_array(out):
    return float(out) if np.ndim(out) == 0 else out


def sigmoid(z):
    """1 / (1 + e^-z) elementwise, each branch looked up by the sign of z."""
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, _BRANCHES["positive"](e), _BRANCHES["negative"](e))
    return _scalar_or_array(s)


def _step(x, edge, w):
    return sigmoid(w * (x - edge))


def tower_1d(x, a, b, h, w):
    """h * (sigma(w(x - a)) - sigma(w(x - b)))."""
    x = np.asarray(x, dtype=np.float64)
    edges = {"rise": a, "fall": b}
    out = h * operator.sub(_step(x, edges["rise"], w), _step(x, edges["fall"], w))
    return _scalar_or_array(out)


def tower_2d(P, box, h, w):
    """h * sigma(w (Tx + Ty - 1.5)), Tx and Ty looked up by the axis' name."""
    P = np.asarray(P, dtype=np.float64)
    sides = {}
    for name, (column, lo, hi) in _AXES.items():
        sides[name] = _step(P[:, column], box[lo], w) - _step(P[:, column], box[hi], w)
    return h * sigmoid(w * (sides["x"] + sides["y"] - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    """The sum of k towers, one per bin, each built by the function named tower_1d."""
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    edges = np.linspace(lo, hi, k + 1)
    tower = globals()["tower_1d"]
    F = np.zeros_like(x)
    for j in range(k):
        F = F + tower(x, edges[j], edges[j + 1], f_values[j], w)
    return _scalar_or_array(F)
