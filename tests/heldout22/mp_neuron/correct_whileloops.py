"""The McCulloch-Pitts neuron written with explicit while loops and manual index counters: one
loop checks that every input is 0 or 1, a second one walks the inputs again, vetoing on an
active inhibitory input and counting the active excitatory ones, and the gates' masks are filled
entry by entry by a counter loop.

Correct solution (style: whileloops).
"""

import numpy as np

GATES = ("and", "or", "nor", "not", "and_not")


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D array of 0/1 inputs, got shape {x.shape}")
    n = x.shape[0]
    i = 0
    while i < n:
        if not (x[i] == 0 or x[i] == 1):
            raise ValueError(f"x must hold only 0s and 1s, x[{i}] = {x[i]!r}")
        i += 1
    if inhibitory is None:
        mask = np.zeros(n, dtype=bool)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
    if mask.shape != x.shape:
        raise ValueError(f"inhibitory has shape {mask.shape} but x has shape {x.shape}")
    count = 0
    i = 0
    while i < n:
        if mask[i]:
            if x[i] == 1:
                return 0                           # absolute veto
        else:
            count += int(x[i])
        i += 1
    return int(count >= theta)


def mp_gate(name, n):
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}; known gates: {', '.join(GATES)}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if name == "not" and n != 1:
        raise ValueError(f"'not' takes n == 1 input, got n = {n}")
    if name == "and_not" and n != 2:
        raise ValueError(f"'and_not' takes n == 2 inputs, got n = {n}")
    inhibitory = np.zeros(n, dtype=bool)
    if name == "and":
        return n, inhibitory
    if name == "or":
        return 1, inhibitory
    if name == "and_not":
        inhibitory[1] = True
        return 1, inhibitory
    i = 0                                          # nor / not: every input inhibitory
    while i < n:
        inhibitory[i] = True
        i += 1
    return 0, inhibitory
