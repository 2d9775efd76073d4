"""(defensive) The tower is divided by its width b - a (a tower of AREA h, the probability-density
habit) instead of having height h: every tower on an interval whose width is not 1 has the wrong
height, and approximate_1d, which stacks such towers, is scaled by 1/delta.

One mistake in `tower_1d`, written from correct_defensive.py.
"""

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    out = np.empty_like(z)
    positive = z >= 0
    negative = ~positive
    e_pos = np.exp(-z[positive])                         # <= 1: cannot overflow
    out[positive] = 1.0 / (1.0 + e_pos)
    e_neg = np.exp(z[negative])                          # <= 1: cannot overflow
    out[negative] = e_neg / (1.0 + e_neg)
    assert not np.any(out < 0) and not np.any(out > 1)
    return float(out) if out.ndim == 0 else out


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    up = sigmoid(w * (x - a))
    down = sigmoid(w * (x - b))
    out = h * (up - down) / (b - a)
    return float(out) if np.ndim(out) == 0 else out


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    if P.ndim != 2:
        raise ValueError(f"P must be an (m, 2) array of points, got shape {P.shape}")
    if len(box) != 4:
        raise ValueError(f"box must be (a1, b1, a2, b2), got {box!r}")
    a1, b1, a2, b2 = box
    assert np.all(np.isfinite([a1, b1, a2, b2])), "the box edges must be numbers"
    Tx = sigmoid(w * (P[:, 0] - a1)) - sigmoid(w * (P[:, 0] - b1))
    Ty = sigmoid(w * (P[:, 1] - a2)) - sigmoid(w * (P[:, 1] - b2))
    mean_height = (Tx + Ty) / 2                          # ~1 inside, ~1/2 on the strips
    return h * sigmoid(2 * w * (mean_height - 0.75))


def approximate_1d(f_values, lo, hi, w, x):
    f_values = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    if f_values.ndim != 1:
        raise ValueError(f"f_values must be 1-D, got shape {f_values.shape}")
    k = f_values.shape[0]
    if k == 0:
        return 0.0 if x.ndim == 0 else np.zeros_like(x)
    delta = (hi - lo) / k
    edges = np.linspace(lo, hi, k + 1)
    assert edges.shape == (k + 1,) and np.isclose(edges[1] - edges[0], delta)
    F = np.zeros_like(x)
    for j in range(k):
        F = F + tower_1d(x, edges[j], edges[j + 1], f_values[j], w)
    return float(F) if F.ndim == 0 else F
