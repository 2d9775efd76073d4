"""Each tower spans [m - delta, m + delta] around its bin's midpoint instead of [m - delta/2, m +
delta/2]: the towers are twice as wide as the bins and overlap their neighbours, so inside a bin
F is about f(m_j) plus half of each neighbour's height instead of f(m_j), and the staircase
reaches delta/2 beyond [lo, hi].

Graded function: `approximate_1d`. Written in the style of correct_matchcase.py.
"""

import numpy as np


def _sigma(t):
    if t >= 0:
        return 1.0 / (1.0 + np.exp(-t))
    return (e := np.exp(t)) / (1.0 + e)


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    match z.ndim:
        case 0:
            return float(_sigma(float(z)))
        case 1:
            return np.array([_sigma(t) for t in z.tolist()], dtype=np.float64)
        case _:
            return np.array([_sigma(t) for t in z.ravel().tolist()],
                            dtype=np.float64).reshape(z.shape)


def tower_1d(x, a, b, h, w):
    x = np.asarray(x, dtype=np.float64)
    up = sigmoid(w * (x - a))
    down = sigmoid(w * (x - b))
    out = h * (up - down)
    return float(out) if np.ndim(out) == 0 else out


def _unit_tower(u, lo, hi, w):
    return sigmoid(w * (u - lo)) - sigmoid(w * (u - hi))


def tower_2d(P, box, h, w):
    P = np.asarray(P, dtype=np.float64)
    match tuple(box):
        case (a1, b1, a2, b2):
            pass
        case other:
            raise ValueError(f"box must be (a1, b1, a2, b2), got {other!r}")
    Tx = _unit_tower(P[:, 0], a1, b1, w)
    Ty = _unit_tower(P[:, 1], a2, b2, w)
    return h * sigmoid(w * (Tx + Ty - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f = np.asarray(f_values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    delta = (hi - lo) / f.shape[0]
    F = np.zeros_like(x)
    for j, height in enumerate(f.tolist()):
        mid = lo + (j + 0.5) * delta
        F = F + tower_1d(x, mid - delta, mid + delta, height, w)
    return float(F) if np.ndim(F) == 0 else F
