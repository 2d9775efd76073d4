"""The excitatory count uses | where & is meant, on | ~inh: it counts the inputs that are on OR excitatory, so every excitatory input counts whatever its value (AND fires on all zeros) and active inhibitory ones count too.

Graded function: mp_neuron. Edited from correct_bitwise.py.
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be 1-D")
    if not np.isin(x, [0, 1]).all():
        raise ValueError("x must hold only 0s and 1s")
    on = x.astype(bool)
    inh = np.zeros(on.shape, dtype=bool) if inhibitory is None else np.asarray(inhibitory, dtype=bool)
    if inh.shape != on.shape:
        raise ValueError("inhibitory and x differ in length")
    vetoed = np.any(on & inh)
    count = np.count_nonzero(on | ~inh)
    return int((not vetoed) and count >= theta)


def _and(n):
    return n, np.zeros(n, dtype=bool)


def _or(n):
    return 1, np.zeros(n, dtype=bool)


def _nor(n):
    return 0, np.ones(n, dtype=bool)


def _not(n):
    if n != 1:
        raise ValueError("not needs n == 1")
    return _nor(1)


def _and_not(n):
    if n != 2:
        raise ValueError("and_not needs n == 2")
    return 1, np.array([False, True])


_GATES = {"and": _and, "or": _or, "nor": _nor, "not": _not, "and_not": _and_not}


def mp_gate(name, n):
    if name not in _GATES:
        raise ValueError("unknown gate %r" % (name,))
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n must be a positive int")
    return _GATES[name](n)
