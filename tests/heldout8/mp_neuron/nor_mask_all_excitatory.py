"""mp_gate('nor') marks every input EXCITATORY (mask all False) with theta 0: with no veto and a threshold of 0 the NOR neuron always fires.

Graded function: mp_gate. Edited from correct_loops.py.
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    values = [v for v in np.asarray(x).tolist()] if np.ndim(x) == 1 else None
    if values is None:
        raise ValueError("x must be a 1-D array of 0/1 values")
    for v in values:
        if v != 0 and v != 1:
            raise ValueError("x must hold only 0 and 1, got %r" % (v,))
    if inhibitory is None:
        mask = [False] * len(values)
    else:
        mask = [bool(m) for m in np.asarray(inhibitory).tolist()]
    if len(mask) != len(values):
        raise ValueError("inhibitory has length %d but x has length %d" % (len(mask), len(values)))
    vetoed = False
    for i in range(len(values)):
        if mask[i] and values[i] == 1:
            vetoed = True
    total = 0
    for i in range(len(values)):
        if not mask[i]:
            total = total + values[i]
    if vetoed:
        return 0
    if total >= theta:
        return 1
    return 0


def mp_gate(name, n):
    if name == "and":
        theta = n
        inhibitory = [False for _ in range(n)]
    elif name == "or":
        theta = 1
        inhibitory = [False for _ in range(n)]
    elif name == "nor":
        theta = 0
        inhibitory = [False for _ in range(n)]
    elif name == "not":
        if n != 1:
            raise ValueError("not takes exactly one input")
        theta = 0
        inhibitory = [True]
    elif name == "and_not":
        if n != 2:
            raise ValueError("and_not takes exactly two inputs")
        theta = 1
        inhibitory = [False, True]
    else:
        raise ValueError("unknown gate %r" % (name,))
    return theta, np.array(inhibitory, dtype=bool)
