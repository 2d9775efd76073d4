"""sigmoid is written out as 1 / (1 + exp(z)), the minus sign in the exponent forgotten: it returns
sigma(-z) = 1 - sigma(z), a curve that falls from 1 to 0 instead of rising, so every step and
tower points the wrong way.

Edited from correct_torch.py.
"""

import numpy as np
import torch


def _out(t):
    a = t.numpy()
    return float(a) if a.ndim == 0 else a


def sigmoid(z):
    return _out(1 / (1 + torch.exp(torch.tensor(np.asarray(z, dtype=np.float64)))))


def _tower(xt, a, b, h, w):
    return h * (torch.sigmoid(w * (xt - a)) - torch.sigmoid(w * (xt - b)))


def tower_1d(x, a, b, h, w):
    xt = torch.tensor(np.asarray(x, dtype=np.float64))
    return _out(_tower(xt, a, b, h, w))


def tower_2d(P, box, h, w):
    Pt = torch.tensor(np.asarray(P, dtype=np.float64))
    a1, b1, a2, b2 = box
    s = _tower(Pt[:, 0], a1, b1, 1.0, w) + _tower(Pt[:, 1], a2, b2, 1.0, w)
    return (h * torch.sigmoid(w * (s - 1.5))).numpy()


def approximate_1d(f_values, lo, hi, w, x):
    f = torch.tensor(np.asarray(f_values, dtype=np.float64))
    xt = torch.tensor(np.asarray(x, dtype=np.float64))
    k = f.shape[0]
    edges = lo + (hi - lo) * torch.arange(k + 1, dtype=torch.float64) / k
    xe = xt.unsqueeze(-1)  # (..., 1) against (k,) bins
    towers = f * (torch.sigmoid(w * (xe - edges[:-1])) - torch.sigmoid(w * (xe - edges[1:])))
    return _out(towers.sum(dim=-1))
