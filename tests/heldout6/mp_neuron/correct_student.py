"""McCulloch-Pitts neuron written the long way: plain Python lists and explicit loops.

A correct solution (student-ish verbose style, no vectorisation).
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    values = [v for v in np.asarray(x).reshape(-1).tolist()]
    if np.ndim(x) != 1:
        raise ValueError("x has to be a 1-D array of zeros and ones")
    for v in values:
        if v != 0 and v != 1:
            raise ValueError(f"x may only contain 0 or 1, found {v!r}")
    n = len(values)
    if inhibitory is None:
        mask = [False] * n
    else:
        mask = [bool(m) for m in np.asarray(inhibitory).reshape(-1).tolist()]
        if len(mask) != n:
            raise ValueError(f"inhibitory has length {len(mask)} but x has length {n}")
    # first the absolute veto: one active inhibitory input is enough
    for i in range(n):
        if mask[i] and values[i] == 1:
            return 0
    # then count the active excitatory inputs
    count = 0
    for i in range(n):
        if not mask[i]:
            count = count + values[i]
    if count >= theta:
        return 1
    return 0


def mp_gate(name, n):
    if name == "and":
        theta = n
        mask = [False] * n
    elif name == "or":
        theta = 1
        mask = [False] * n
    elif name == "nor":
        theta = 0
        mask = [True] * n
    elif name == "not":
        if n != 1:
            raise ValueError("not takes exactly one input")
        theta = 0
        mask = [True]
    elif name == "and_not":
        if n != 2:
            raise ValueError("and_not takes exactly two inputs")
        theta = 1
        mask = [False, True]
    else:
        raise ValueError(f"unknown gate {name!r}")
    return theta, np.array(mask, dtype=bool)
