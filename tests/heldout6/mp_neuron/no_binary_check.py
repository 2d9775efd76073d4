"""The input check only looks at the number of dimensions: values other than 0 and 1 (2, -1, 0.5)
are not rejected, they are summed as if they were valid inputs, instead of raising ValueError.

Edited from correct_vector.py.
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1:
        raise ValueError("x must be a 1-D array of 0/1 values")
    inh = np.zeros(x.size) if inhibitory is None else np.asarray(inhibitory, dtype=float)
    if inh.shape != x.shape:
        raise ValueError(f"inhibitory {inh.shape} and x {x.shape} must have the same length")
    exc = 1.0 - inh
    vetoed = x @ inh > 0
    return 0 if vetoed else int(x @ exc >= theta)


def mp_gate(name, n):
    table = {
        "and": (n, np.zeros(n, bool)),
        "or": (1, np.zeros(n, bool)),
        "nor": (0, np.ones(n, bool)),
        "not": (0, np.ones(1, bool)),
        "and_not": (1, np.array([False, True])),
    }
    if name not in table:
        raise ValueError(f"unknown gate {name!r}")
    if (name == "not" and n != 1) or (name == "and_not" and n != 2):
        raise ValueError(f"gate {name!r} does not take n = {n}")
    return table[name]
