"""mp_gate: The AND gate uses threshold n − 1 (an off-by-one), so it fires when all but one input
are on.

Held-out batch 2 (H4): correct_loops.py with this one mistake.
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    values = list(x)
    for v in values:
        if v not in (0, 1):
            raise ValueError("every input must be 0 or 1")
    if inhibitory is None:
        flags = [False] * len(values)
    else:
        flags = [bool(f) for f in inhibitory]
        if len(flags) != len(values):
            raise ValueError("inhibitory must have one entry per input")
    total = 0
    for v, is_inhibitory in zip(values, flags):
        if is_inhibitory:
            if v == 1:
                return 0
        else:
            total += v
    if total >= theta:
        return 1
    return 0


def mp_gate(name, n):
    table = {
        "and": (n - 1, [False] * n),
        "or": (1, [False] * n),
        "nor": (0, [True] * n),
    }
    if name in table:
        theta, flags = table[name]
        return theta, np.array(flags, dtype=bool)
    if name == "not" and n == 1:
        return 0, np.array([True])
    if name == "and_not" and n == 2:
        return 1, np.array([False, True])
    raise ValueError("unknown gate or wrong number of inputs")
