"""Correct solution, torch.sigmoid, results returned as numpy.

Correct solution: written for held-out batch 3 (issue 16) without seeing the
catalogue; see README.md.
"""

import numpy as np
import torch


def sigmoid(z):
    return torch.sigmoid(torch.as_tensor(np.asarray(z, dtype=float))).numpy()


def tower_1d(x, a, b, h, w):
    x = torch.as_tensor(np.asarray(x, dtype=float))
    return (h * (torch.sigmoid(w * (x - a)) - torch.sigmoid(w * (x - b)))).numpy()


def tower_2d(P, box, h, w):
    P = torch.as_tensor(np.asarray(P, dtype=float))
    a1, b1, a2, b2 = box
    tx = torch.sigmoid(w * (P[:, 0] - a1)) - torch.sigmoid(w * (P[:, 0] - b1))
    ty = torch.sigmoid(w * (P[:, 1] - a2)) - torch.sigmoid(w * (P[:, 1] - b2))
    return (h * torch.sigmoid(w * (tx + ty - 1.5))).numpy()


def approximate_1d(f_values, lo, hi, w, x):
    k = len(f_values)
    total = np.zeros(np.shape(x))
    for i, height in enumerate(f_values):
        total += tower_1d(x, lo + (hi - lo) * i / k, lo + (hi - lo) * (i + 1) / k, height, w)
    return total
