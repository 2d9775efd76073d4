"""Correct solution written with plain Python loops (held-out batch 4).

Counts the excitatory inputs one by one and returns 0 as soon as an inhibitory input is on.
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a 1-D array of 0/1 inputs")
    for value in x:
        if value != 0 and value != 1:
            raise ValueError(f"x must hold only 0s and 1s, found {value!r}")
    if inhibitory is None:
        inhibitory = [False] * len(x)
    if len(inhibitory) != len(x):
        raise ValueError("inhibitory and x must have the same length")
    total = 0
    for value, is_inhibitory in zip(x, inhibitory):
        if is_inhibitory:
            if value == 1:
                return 0
        else:
            total += int(value)
    if total >= theta:
        return 1
    return 0


def mp_gate(name, n):
    if name == "and":
        return n, np.array([False] * n)
    if name == "or":
        return 1, np.array([False] * n)
    if name == "nor":
        return 0, np.array([True] * n)
    if name == "not":
        if n != 1:
            raise ValueError("not takes exactly one input")
        return 0, np.array([True])
    if name == "and_not":
        if n != 2:
            raise ValueError("and_not takes exactly two inputs")
        return 1, np.array([False, True])
    raise ValueError(f"unknown gate {name!r}")
