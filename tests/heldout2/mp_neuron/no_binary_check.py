"""mp_neuron: Does not validate the inputs: values other than 0/1 (e.g. 2 or 0.5) are accepted
instead of raising ValueError.

Held-out batch 2 (H4): correct_torch.py with this one mistake.
"""

import numpy as np
import torch


def mp_neuron(x, theta, inhibitory=None):
    t = torch.as_tensor(np.asarray(x, dtype=float))
    if t.dim() != 1:
        raise ValueError("x must be a 1-D array of 0s and 1s")
    if inhibitory is None:
        inh = torch.zeros_like(t, dtype=torch.bool)
    else:
        inh = torch.as_tensor(np.asarray(inhibitory, dtype=bool))
        if inh.shape != t.shape:
            raise ValueError("inhibitory must match x in length")
    vetoed = bool((t * inh).sum() > 0)
    fires = bool((t * (~inh)).sum() >= theta)
    return int(fires and not vetoed)


def mp_gate(name, n):
    gates = {"and": n, "or": 1, "nor": 0, "not": 0, "and_not": 1}
    if name not in gates:
        raise ValueError(f"unknown gate {name}")
    if name in ("nor", "not"):
        inhibitory = np.ones(n, dtype=bool)
    elif name == "and_not":
        inhibitory = np.array([False, True])
    else:
        inhibitory = np.zeros(n, dtype=bool)
    return gates[name], inhibitory
