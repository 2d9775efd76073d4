"""The threshold comparison is strict (sum > theta instead of sum >= theta): the neuron does not
fire when the excitatory count equals theta, so AND (theta = n) never fires and OR needs two
active inputs.

Edited from correct_vector.py.
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or not np.isin(x, (0.0, 1.0)).all():
        raise ValueError("x must be a 1-D array of 0/1 values")
    inh = np.zeros(x.size) if inhibitory is None else np.asarray(inhibitory, dtype=float)
    if inh.shape != x.shape:
        raise ValueError(f"inhibitory {inh.shape} and x {x.shape} must have the same length")
    exc = 1.0 - inh
    vetoed = x @ inh > 0
    return 0 if vetoed else int(x @ exc > theta)


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
