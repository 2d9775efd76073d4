"""The second step is sigmoid(w (b - x)) instead of sigmoid(w (x - b)).

The falling edge is mirrored: the tower is h (sigma(w(x - a)) + sigma(w(x - b)) - 1), which is
-h left of a and +h right of b.

Single mistake in tower_1d; written from correct_eafp.
"""

import numpy as np


def sigmoid(z):
    """1 / (1 + e^-z), elementwise, without overflow."""
    z = np.asarray(z, dtype=np.float64)
    try:
        with np.errstate(over="raise"):
            s = 1.0 / (1.0 + np.exp(-z))
    except FloatingPointError:
        e = np.exp(-np.abs(z))
        s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return float(s) if s.ndim == 0 else s


def tower_1d(x, a, b, h, w):
    """h * (sigma(w (x - a)) - sigma(w (x - b)))."""
    x = np.asarray(x, dtype=np.float64)
    out = h * (sigmoid(w * (x - a)) - sigmoid(w * (b - x)))
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    """h * sigma(w (Tx + Ty - 1.5)) over the box (a1, b1, a2, b2)."""
    P = np.asarray(P, dtype=np.float64)
    try:
        a1, b1, a2, b2 = box
    except (TypeError, ValueError) as err:
        raise ValueError("box must be (a1, b1, a2, b2)") from err
    try:
        xs, ys = P[:, 0], P[:, 1]
    except IndexError as err:
        raise ValueError("P must have shape (m, 2)") from err
    Tx = sigmoid(w * (xs - a1)) - sigmoid(w * (xs - b1))
    Ty = sigmoid(w * (ys - a2)) - sigmoid(w * (ys - b2))
    return h * sigmoid(w * (Tx + Ty - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    """The sum of k towers, one per bin of [lo, hi], of height f at the bin's midpoint."""
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    try:
        (k,) = f_values.shape
    except ValueError as err:
        raise ValueError("f_values must be 1-D") from err
    edges = np.linspace(lo, hi, k + 1)
    F = np.zeros_like(x)
    for j, height in enumerate(f_values):
        F = F + tower_1d(x, edges[j], edges[j + 1], height, w)
    return float(F) if F.ndim == 0 else F
