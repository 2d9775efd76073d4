"""The tower records are built from zip(f_values, left edges, right edges) while the dtype's fields are (a, b, h).

Records are filled by position: each tower's left edge is its height, its right edge the left bin edge and its height the right bin edge.

Mistake in approximate_1d (written from correct_structured.py).
"""

import numpy as np

TOWER = np.dtype([("a", np.float64), ("b", np.float64), ("h", np.float64)])
BOX = np.dtype([("a1", np.float64), ("b1", np.float64), ("a2", np.float64), ("b2", np.float64)])


def sigmoid(z):
    """The logistic function, stable for large |z|: two branches on the sign of z."""
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return float(s) if s.ndim == 0 else s


def _tower_value(tower, x, w):
    return tower["h"] * (sigmoid(w * (x - tower["a"])) - sigmoid(w * (x - tower["b"])))


def tower_1d(x, a, b, h, w):
    """h * (sigmoid(w (x - a)) - sigmoid(w (x - b))) for the tower record (a, b, h)."""
    x = np.asarray(x, dtype=np.float64)
    tower = np.array((a, b, h), dtype=TOWER)
    out = _tower_value(tower, x, w)
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    """h * sigmoid(w (Tx + Ty - 1.5)) over the box record (a1, b1, a2, b2)."""
    P = np.asarray(P, dtype=np.float64)
    region = np.array(tuple(box), dtype=BOX)
    inner = 1.0
    across = np.array((region["a1"], region["b1"], inner), dtype=TOWER)
    along = np.array((region["a2"], region["b2"], inner), dtype=TOWER)
    Tx = _tower_value(across, P[:, 0], w)
    Ty = _tower_value(along, P[:, 1], w)
    return h * sigmoid(w * (Tx + Ty - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    """The staircase: a record array of k towers, one per bin, summed at x."""
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = f_values.shape[0]
    edges = np.linspace(lo, hi, k + 1)
    towers = np.array(list(zip(f_values, edges[:-1], edges[1:])), dtype=TOWER)
    F = np.zeros(x.shape)
    for tower in towers:
        F = F + _tower_value(tower, x, w)
    return float(F) if F.ndim == 0 else F
