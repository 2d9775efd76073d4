"""The veto is written out = ... then `if vetoed: out == 0` (a comparison where an assignment was
meant): the line has no effect, so an active inhibitory input never stops the neuron.

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
    out = int(x @ exc >= theta)
    if x @ inh > 0:
        out == 0
    return out


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
