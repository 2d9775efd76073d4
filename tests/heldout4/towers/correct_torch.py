"""Correct solution computed with torch (held-out batch 4).

torch.sigmoid is stable for large |z|; results are returned as tensors (the worker converts).
"""

import torch


def sigmoid(z):
    return torch.sigmoid(torch.as_tensor(z, dtype=torch.float64))


def tower_1d(x, a, b, h, w):
    x = torch.as_tensor(x, dtype=torch.float64)
    return h * (torch.sigmoid(w * (x - a)) - torch.sigmoid(w * (x - b)))


def tower_2d(P, box, h, w):
    P = torch.as_tensor(P, dtype=torch.float64)
    a1, b1, a2, b2 = box
    tx = torch.sigmoid(w * (P[:, 0] - a1)) - torch.sigmoid(w * (P[:, 0] - b1))
    ty = torch.sigmoid(w * (P[:, 1] - a2)) - torch.sigmoid(w * (P[:, 1] - b2))
    return h * torch.sigmoid(w * (tx + ty - 1.5))


def approximate_1d(f_values, lo, hi, w, x):
    f = torch.as_tensor(f_values, dtype=torch.float64)
    x = torch.as_tensor(x, dtype=torch.float64)
    k = f.shape[0]
    edges = torch.linspace(lo, hi, k + 1, dtype=torch.float64)
    out = torch.zeros_like(x)
    for j in range(k):
        out = out + f[j] * (torch.sigmoid(w * (x - edges[j])) - torch.sigmoid(w * (x - edges[j + 1])))
    return out
