"""mp_gate('and_not') copies theta 0 from NOT: with x2 as the veto and no threshold on x1 it
computes NOT x2 and fires on input (0, 0).

Edited from correct_loops.py.
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    xs = list(x)
    n = len(xs)
    if inhibitory is None:
        inh = [False] * n
    else:
        inh = [bool(m) for m in inhibitory]
    if len(inh) != n:
        raise ValueError("inhibitory must have the same length as x")
    for v in xs:
        if not (v == 0 or v == 1):
            raise ValueError("x must contain only 0 and 1")
    total = 0
    for v, is_inh in zip(xs, inh):
        if is_inh:
            if v == 1:
                return 0
        else:
            total += v
    if total >= theta:
        return 1
    return 0


def mp_gate(name, n):
    if name == "and":
        theta, inh = n, [False] * n
    elif name == "or":
        theta, inh = 1, [False] * n
    elif name == "nor":
        theta, inh = 0, [True] * n
    elif name == "not":
        if n != 1:
            raise ValueError("not takes one input")
        theta, inh = 0, [True]
    elif name == "and_not":
        if n != 2:
            raise ValueError("and_not takes two inputs")
        theta, inh = 0, [False, True]
    else:
        raise ValueError("unknown gate " + str(name))
    return theta, np.array(inh, dtype=bool)
