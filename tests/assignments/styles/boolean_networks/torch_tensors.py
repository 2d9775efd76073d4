"""torch tensors: layers evaluated with torch.cat and a step."""

import torch

from reference.boolean_networks import *  # noqa: F403


def threshold_forward(layers, X):
    z = torch.as_tensor(X, dtype=torch.float64)
    if z.ndim != 2 or len(layers) == 0:
        raise ValueError("X must be (m, n) and the network needs a layer")
    out = None
    for W, b in layers:
        W = torch.as_tensor(W, dtype=torch.float64)
        b = torch.as_tensor(b, dtype=torch.float64)
        out = (z @ W.T + b >= 0).double()
        z = torch.cat([z, out], dim=1)
    return out[:, 0].long()


def count_units(layers):
    return sum(torch.as_tensor(W).shape[0] for W, _ in layers)
