"""torch.func: the towers of approximate_1d mapped over the bins with vmap."""

import numpy as np
import torch
from torch.func import vmap

from reference.towers import *  # noqa: F403


def approximate_1d(f_values, lo, hi, w, x):
    f = torch.as_tensor(np.asarray(f_values, dtype=float))
    x = torch.as_tensor(np.asarray(x, dtype=float))
    edges = torch.linspace(lo, hi, f.shape[0] + 1, dtype=torch.float64)

    def tower(height, a, b):
        return height * (torch.sigmoid(w * (x - a)) - torch.sigmoid(w * (x - b)))

    F = vmap(tower)(f, edges[:-1], edges[1:]).sum(dim=0)
    return F.item() if F.ndim == 0 else F
