"""torch: sigmoid as 0.5·(1 + tanh(z/2)), towers on tensors with requires_grad (as a student
who also wants their slopes would write them); einsum sums the towers."""

import numpy as np
import torch

from reference.towers import *  # noqa: F403


def sigmoid(z):
    t = torch.as_tensor(np.asarray(z, dtype=float))
    s = 0.5 * (1 + torch.tanh(t / 2))
    return s.item() if s.ndim == 0 else s


def tower_1d(x, a, b, h, w):
    x = torch.tensor(np.asarray(x, dtype=float), requires_grad=True)
    out = h * (torch.sigmoid(w * (x - a)) - torch.sigmoid(w * (x - b)))
    return out.item() if out.ndim == 0 else out.detach()


def approximate_1d(f_values, lo, hi, w, x):
    f = torch.as_tensor(np.asarray(f_values, dtype=float))
    x = torch.as_tensor(np.asarray(x, dtype=float))
    edges = torch.linspace(lo, hi, f.shape[0] + 1, dtype=torch.float64)
    s = torch.sigmoid(w * (x[..., None] - edges))  # (..., k + 1)
    F = torch.einsum("...j,j->...", s[..., :-1] - s[..., 1:], f)
    return F.item() if F.ndim == 0 else F
