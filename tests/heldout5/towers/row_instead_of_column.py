"""tower_2d takes the first two ROWS of P (P[0], P[1]) as the x and y coordinates instead of the
columns P[:, 0], P[:, 1].

Edited from correct_torch.py.
"""

import torch


def _t(a):
    return torch.as_tensor(a, dtype=torch.float64)


def sigmoid(z):
    return torch.sigmoid(_t(z))


def tower_1d(x, a, b, h, w):
    x = _t(x)
    return h * (torch.sigmoid(w * (x - a)) - torch.sigmoid(w * (x - b)))


def tower_2d(P, box, h, w):
    P = _t(P)
    a1, b1, a2, b2 = box
    x, y = P[0], P[1]
    Tx = torch.sigmoid(w * (x - a1)) - torch.sigmoid(w * (x - b1))
    Ty = torch.sigmoid(w * (y - a2)) - torch.sigmoid(w * (y - b2))
    return h * torch.sigmoid(w * (Tx + Ty - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f = _t(f_values)
    x = _t(x)
    k = f.shape[0]
    edges = torch.linspace(lo, hi, k + 1, dtype=torch.float64)
    steps = torch.sigmoid(w * (x.unsqueeze(-1) - edges))
    towers = f * (steps[..., :-1] - steps[..., 1:])
    return towers.sum(dim=-1)
