"""The two inner 1-D towers of the 2-D tower get steepness 1.0 as well as height 1.0 ("unit towers").

With steepness 1 the inner towers are soft bumps, far from 1 inside the box and far from 0 outside:
Tx + Ty no longer separates the box from the strips and the 2-D tower is wrong everywhere.

Graded: tower_2d; written from correct_tables.py.
"""

import numpy as np

# branch of the stable sigmoid, indexed by (z >= 0), as a function of e = exp(-|z|)
SIGMOID_BRANCHES = (
    lambda e: e / (1.0 + e),      # z < 0
    lambda e: 1.0 / (1.0 + e),    # z >= 0
)
INNER_SUM_AT_CENTRE = 1.5  # Tx + Ty is ~2 inside, ~1 on the strips: cut between


def _as_result(values):
    return float(values) if np.ndim(values) == 0 else values


def sigmoid(z):
    """1 / (1 + exp(-z)), elementwise, without overflow."""
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    out = np.where(z >= 0, SIGMOID_BRANCHES[1](e), SIGMOID_BRANCHES[0](e))
    return _as_result(out)


def tower_1d(x, a, b, h, w):
    """h * (sigmoid(w(x - a)) - sigmoid(w(x - b)))."""
    x = np.asarray(x, dtype=np.float64)
    return _as_result(h * (np.asarray(sigmoid(w * (x - a))) - np.asarray(sigmoid(w * (x - b)))))


def tower_2d(P, box, h, w):
    """h * sigmoid(w (Tx + Ty - 1.5)) over the box (a1, b1, a2, b2)."""
    P = np.asarray(P, dtype=np.float64)
    a1, b1, a2, b2 = box
    edges = {0: (a1, b1), 1: (a2, b2)}  # coordinate -> (left, right)
    inner = np.zeros(P.shape[0])
    for axis, (left, right) in edges.items():
        inner = inner + tower_1d(P[:, axis], left, right, 1.0, 1.0)
    return h * np.asarray(sigmoid(w * (inner - INNER_SUM_AT_CENTRE)))


def approximate_1d(f_values, lo, hi, w, x):
    """The sum of k towers, one per bin of [lo, hi], height f at the bin's midpoint."""
    heights = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = heights.shape[0]
    width = (hi - lo) / k
    edges = [lo + j * width for j in range(k)] + [hi]  # edges[j], edges[j + 1] bound bin j
    total = np.zeros(x.shape)
    for j in range(k):
        total = total + tower_1d(x, edges[j], edges[j + 1], heights[j], w)
    return _as_result(total)
