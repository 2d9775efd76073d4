"""The COORDS constant lists the columns as (1, 0) instead of (0, 1).

Tx is computed on the second column of P and Ty on the first: the tower stands over the box [a2,
b2] x [a1, b1], the given box reflected in the diagonal.

One mistake in correct_config (style: config), in `tower_2d`.
"""

import numpy as np

DTYPE = np.float64
INNER_OFFSET = 1.5             # Tx + Ty − 1.5 keeps only the box
CLIP = 1e4                     # |z| beyond this saturates anyway
COORDS = (1, 0)                # columns of P holding x and y
DEFAULTS = {"height": 1.0}     # height of the inner 1-D towers of a 2-D tower
BRANCHES = {
    "nonneg": lambda e: 1.0 / (1.0 + e),   # z >= 0, e = exp(-z)
    "neg": lambda e: e / (1.0 + e),        # z < 0,  e = exp(z)
}


def sigmoid(z):
    """Stable logistic function: exp of -|z| only, a branch per sign."""
    z = np.clip(np.asarray(z, dtype=DTYPE), -CLIP, CLIP)
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, BRANCHES["nonneg"](e), BRANCHES["neg"](e))
    return float(s) if s.ndim == 0 else s


def _step_pair(x, a, b, w, h):
    return h * (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))


def tower_1d(x, a, b, h, w):
    """h·(σ(w(x − a)) − σ(w(x − b)))."""
    x = np.asarray(x, dtype=DTYPE)
    out = _step_pair(x, a, b, w, h)
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    """h·σ(w·(Tx + Ty − INNER_OFFSET)) with the 1-D towers of height DEFAULTS['height']."""
    P = np.asarray(P, dtype=DTYPE)
    a1, b1, a2, b2 = box
    unit = DEFAULTS["height"]
    Tx = _step_pair(P[:, COORDS[0]], a1, b1, w, unit)
    Ty = _step_pair(P[:, COORDS[1]], a2, b2, w, unit)
    return h * sigmoid(w * (Tx + Ty - INNER_OFFSET))


def approximate_1d(f_values, lo, hi, w, x):
    """Sum of one tower per bin of [lo, hi], height f at the bin's midpoint."""
    f_values = np.asarray(f_values, dtype=DTYPE)
    x = np.asarray(x, dtype=DTYPE)
    k = f_values.shape[0]
    width = (hi - lo) / k
    F = np.zeros(x.shape, dtype=DTYPE)
    for j in range(k):
        F = F + _step_pair(x, lo + j * width, lo + (j + 1) * width, w, f_values[j])
    return float(F) if F.ndim == 0 else F
