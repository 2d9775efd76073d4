"""torch-based

A demo student who computes with torch tensors in float64 and returns them as they are."""

import torch

from reference.towers import *  # noqa: F403


def sigmoid(z):
    t = torch.sigmoid(torch.as_tensor(z, dtype=torch.float64))
    return t.item() if t.dim() == 0 else t


def tower_1d(x, a, b, h, w):
    x = torch.as_tensor(x, dtype=torch.float64)
    t = h * (torch.sigmoid(w * (x - a)) - torch.sigmoid(w * (x - b)))
    return t.item() if t.dim() == 0 else t


def tower_2d(P, box, h, w):
    P = torch.as_tensor(P, dtype=torch.float64)
    a1, b1, a2, b2 = box
    Tx = torch.sigmoid(w * (P[:, 0] - a1)) - torch.sigmoid(w * (P[:, 0] - b1))
    Ty = torch.sigmoid(w * (P[:, 1] - a2)) - torch.sigmoid(w * (P[:, 1] - b2))
    return h * torch.sigmoid(w * (Tx + Ty - 1.5))
