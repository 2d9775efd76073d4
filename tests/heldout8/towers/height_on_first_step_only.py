"""Missing parentheses in tower_1d: h multiplies only the up-step, h sigma(w(x - a)) - sigma(w(x - b)), so right of b the tower is h - 1 instead of 0 (right only for h = 1).

Graded function: tower_1d. Edited from correct_torch64.py.
"""

import numpy as np
import torch


def _t(a):
    return torch.as_tensor(np.asarray(a, dtype=np.float64), dtype=torch.float64)


def _out(t):
    a = t.numpy()
    return float(a) if a.ndim == 0 else a


def sigmoid(z):
    return _out(torch.sigmoid(_t(z)))


def tower_1d(x, a, b, h, w):
    x = _t(x)
    return _out(h * torch.sigmoid(w * (x - a)) - torch.sigmoid(w * (x - b)))


def tower_2d(P, box, h, w):
    P = _t(P)
    a1, b1, a2, b2 = box
    lo = _t([a1, a2])
    hi = _t([b1, b2])
    T = torch.sigmoid(w * (P - lo)) - torch.sigmoid(w * (P - hi))
    return (h * torch.sigmoid(w * (T.sum(dim=1) - 1.5))).numpy()


def approximate_1d(f_values, lo, hi, w, x):
    f = _t(f_values)
    x = _t(x)
    k = f.shape[0]
    edges = torch.linspace(lo, hi, k + 1, dtype=torch.float64)
    xe = x.unsqueeze(-1)
    towers = torch.sigmoid(w * (xe - edges[:-1])) - torch.sigmoid(w * (xe - edges[1:]))
    return _out((towers * f).sum(dim=-1))
