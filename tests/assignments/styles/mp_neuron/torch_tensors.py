"""torch tensors: the neuron as a masked tensor sum."""

import torch

from reference.mp_neuron import *  # noqa: F403


def mp_neuron(x, theta, inhibitory=None):
    x = torch.as_tensor(x)
    if x.ndim != 1:
        raise ValueError("x must be 1-D")
    if not bool(((x == 0) | (x == 1)).all()):
        raise ValueError("x must hold only 0s and 1s")
    mask = torch.zeros(x.shape, dtype=torch.bool) if inhibitory is None \
        else torch.as_tensor(inhibitory).bool()
    if mask.shape != x.shape:
        raise ValueError("inhibitory and x differ in length")
    if bool((x[mask] == 1).any()):
        return 0
    return int(x[~mask].double().sum().item() >= theta)
