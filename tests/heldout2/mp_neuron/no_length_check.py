"""mp_neuron: Does not check that the inhibitory mask has the same length as x, so a mismatch
raises numpy's IndexError instead of the required ValueError.

Held-out batch 2 (H4): correct_numpy.py with this one mistake.
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a 1-D array")
    if not np.all((x == 0) | (x == 1)):
        raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        mask = np.zeros(x.shape[0], dtype=bool)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
    if np.any(x[mask] == 1):
        return 0
    excitation = x[~mask].sum()
    return int(excitation >= theta)


def mp_gate(name, n):
    if name == "and":
        return n, np.zeros(n, dtype=bool)
    if name == "or":
        return 1, np.zeros(n, dtype=bool)
    if name == "nor":
        return 0, np.ones(n, dtype=bool)
    if name == "not":
        if n != 1:
            raise ValueError("not takes exactly one input")
        return 0, np.array([True])
    if name == "and_not":
        if n != 2:
            raise ValueError("and_not takes exactly two inputs")
        return 1, np.array([False, True])
    raise ValueError(f"unknown gate {name!r}")
