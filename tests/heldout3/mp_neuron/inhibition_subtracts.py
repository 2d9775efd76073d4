"""Inhibitory inputs are subtracted from the sum (relative inhibition) instead of vetoing the
output (absolute inhibition).

One mistake: written for held-out batch 3 (issue 16) without seeing the
catalogue; see README.md.
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if inhibitory is None:
        inhibitory = [False] * len(x)
    if x.ndim != 1 or len(inhibitory) != len(x):
        raise ValueError("x and inhibitory must be 1-D and of the same length")
    for value in x:
        if value != 0 and value != 1:
            raise ValueError("x may only hold 0 and 1")
    total = 0
    for value, inhibits in zip(x, inhibitory):
        if inhibits:
            total -= int(value)
        else:
            total += int(value)
    if total >= theta:
        return 1
    return 0


def mp_gate(name, n):
    if name == "and":
        return n, np.zeros(n, dtype=bool)
    if name == "or":
        return 1, np.zeros(n, dtype=bool)
    if name == "nor":
        return 0, np.ones(n, dtype=bool)
    if name == "not":
        if n != 1:
            raise ValueError("not takes one input")
        return 0, np.array([True])
    if name == "and_not":
        if n != 2:
            raise ValueError("and_not takes two inputs")
        return 1, np.array([False, True])
    raise ValueError(f"unknown gate {name!r}")
