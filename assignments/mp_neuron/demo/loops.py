"""loop-based rewrite

A demo student who writes the neuron as a plain loop over the inputs and the gates as a table."""

import numpy as np

from reference.mp_neuron import *  # noqa: F403


def mp_neuron(x, theta, inhibitory=None):
    n = len(x)
    if inhibitory is not None and len(inhibitory) != n:
        raise ValueError("x and inhibitory must have the same length")
    for i in range(n):
        if x[i] != 0 and x[i] != 1:
            raise ValueError("every input must be 0 or 1")
    total = 0
    for i in range(n):
        if inhibitory is not None and inhibitory[i]:
            if x[i] == 1:
                return 0  # an active inhibitory input vetoes the neuron
        else:
            total += int(x[i])
    if total >= theta:
        return 1
    return 0


def mp_gate(name, n):
    if name == "not" and n != 1:
        raise ValueError("not takes one input")
    if name == "and_not" and n != 2:
        raise ValueError("and_not takes two inputs")
    if n < 1:
        raise ValueError("n must be at least 1")
    table = {
        "and": (n, [False] * n),
        "or": (1, [False] * n),
        "nor": (0, [True] * n),
        "not": (0, [True]),
        "and_not": (1, [False, True]),
    }
    if name not in table:
        raise ValueError(f"unknown gate {name}")
    theta, inhibitory = table[name]
    return theta, np.array(inhibitory, dtype=bool)
