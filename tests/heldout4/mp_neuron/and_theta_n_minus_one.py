"""mp_gate('and') sets theta = n - 1 (thinking thresholds count from 0), so AND fires when all but
one input are on.

One edit of correct_numpy.py (held-out batch 4).
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1 or not np.isin(x, (0, 1)).all():
        raise ValueError("x must be a 1-D array holding only 0/1")
    if inhibitory is None:
        mask = np.zeros(x.shape[0], dtype=bool)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
    if mask.shape != x.shape:
        raise ValueError(f"inhibitory {mask.shape} and x {x.shape} differ in length")
    vetoed = np.any(x[mask] == 1)
    excitatory_sum = np.sum(x[~mask])
    return int((not vetoed) and excitatory_sum >= theta)


def mp_gate(name, n):
    if name == "not" and n != 1:
        raise ValueError("not needs n == 1")
    if name == "and_not" and n != 2:
        raise ValueError("and_not needs n == 2")
    table = {
        "and": (n - 1, np.zeros(n, dtype=bool)),
        "or": (1, np.zeros(n, dtype=bool)),
        "nor": (0, np.ones(n, dtype=bool)),
        "not": (0, np.ones(n, dtype=bool)),
        "and_not": (1, np.array([False, True])),
    }
    if name not in table:
        raise ValueError(f"unknown gate {name!r}")
    return table[name]
