"""The midpoint of bin j is computed as lo + j * width (its left edge) instead of lo + (j + 1/2) *
width.

Every tower is shifted half a bin to the left: the first one starts half a bin below lo and the
last bin's right half is left near 0.

Single mistake in approximate_1d; written from correct_enums.
"""

import enum

import numpy as np

ONE = 1.0
BRANCH_AT = 0.0
INSIDE_CUT = 1.5
HALF = 0.5


class Edge(enum.Enum):
    RISE = "rise"
    FALL = "fall"


class Axis(enum.IntEnum):
    X = 0
    Y = 1


SIGN = {Edge.RISE: 1.0, Edge.FALL: -1.0}


def sigmoid(z):
    """The logistic function, two branches so that exp never sees a positive argument."""
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    s = np.where(z >= BRANCH_AT, ONE / (ONE + e), e / (ONE + e))
    return float(s) if s.ndim == 0 else s


def _step(x, at, w, edge):
    return SIGN[edge] * sigmoid(w * (x - at))


def _unit_tower(x, a, b, w):
    return _step(x, a, w, Edge.RISE) + _step(x, b, w, Edge.FALL)


def tower_1d(x, a, b, h, w):
    """h * (sigma(w(x - a)) - sigma(w(x - b)))."""
    x = np.asarray(x, dtype=float)
    out = h * _unit_tower(x, a, b, w)
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    """h * sigma(w (Tx + Ty - INSIDE_CUT)) over the box (a1, b1, a2, b2)."""
    P = np.asarray(P, dtype=float)
    a1, b1, a2, b2 = box
    Tx = _unit_tower(P[:, Axis.X], a1, b1, w)
    Ty = _unit_tower(P[:, Axis.Y], a2, b2, w)
    return h * sigmoid(w * (Tx + Ty - INSIDE_CUT))


def approximate_1d(f_values, lo, hi, w, x):
    """The sum of k towers, one per bin of [lo, hi], height f at the bin's midpoint."""
    f_values = np.asarray(f_values, dtype=float)
    x = np.asarray(x, dtype=float)
    k = f_values.shape[0]
    width = (hi - lo) / k
    F = np.zeros_like(x)
    for j in range(k):
        middle = lo + j * width
        F = F + f_values[j] * _unit_tower(x, middle - HALF * width, middle + HALF * width, w)
    return float(F) if F.ndim == 0 else F
