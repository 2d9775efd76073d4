"""A McCulloch-Pitts neuron with vectorised numpy and a table of gates (correct)."""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be 1-D, got shape {x.shape}")
    if not np.isin(x, (0, 1)).all():
        raise ValueError("x must hold only 0/1 values")
    if inhibitory is None:
        mask = np.zeros(x.shape[0], dtype=bool)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
    if mask.shape != x.shape:
        raise ValueError("inhibitory and x have different lengths")
    if (x[mask] == 1).any():
        return 0
    return int(x[~mask].sum() >= theta)


def mp_gate(name, n):
    table = {
        "and": (n, False),
        "or": (1, False),
        "nor": (0, True),
        "not": (0, True),
    }
    if name == "and_not":
        if n != 2:
            raise ValueError("and_not needs n == 2")
        return 1, np.array([False, True])
    if name not in table:
        raise ValueError(f"unknown gate {name!r}")
    if name == "not" and n != 1:
        raise ValueError("not needs n == 1")
    theta, inhibit_all = table[name]
    return theta, np.full(n, inhibit_all, dtype=bool)
