"""Copy-paste from NOT into NOR: mp_gate('nor') returns the one-element mask [True] instead of n of
them, so for n >= 2 the mask does not fit x and mp_neuron raises ValueError on every input.

Edited from correct_verbose.py.
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    values = np.asarray(x)
    if values.ndim != 1:
        raise ValueError("x must be a 1-D array of 0/1 inputs, got shape %s" % (values.shape,))
    values = values.tolist()
    n = len(values)
    for v in values:
        if v != 0 and v != 1:
            raise ValueError("x must hold only 0s and 1s, found %r" % (v,))
    if inhibitory is None:
        mask = [False] * n
    else:
        mask_array = np.asarray(inhibitory, dtype=bool)
        if mask_array.ndim != 1 or mask_array.shape[0] != n:
            raise ValueError("inhibitory must have the same length as x (%d)" % n)
        mask = mask_array.tolist()
    count = 0
    for i in range(n):
        if mask[i]:
            if values[i] == 1:
                return 0  # an active inhibitory input is an absolute veto
        else:
            if values[i] == 1:
                count = count + 1
    if count >= theta:
        return 1
    return 0


def mp_gate(name, n):
    known = ["and", "or", "nor", "not", "and_not"]
    if name not in known:
        raise ValueError("unknown gate %r, known gates: %s" % (name, known))
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n must be a positive int, got %r" % (n,))
    if name == "not" and n != 1:
        raise ValueError("'not' takes exactly one input")
    if name == "and_not" and n != 2:
        raise ValueError("'and_not' takes exactly two inputs")
    if name == "and":
        theta = n
        mask = [False] * n
    elif name == "or":
        theta = 1
        mask = [False] * n
    elif name == "nor":
        theta = 0
        mask = [True]
    elif name == "not":
        theta = 0
        mask = [True]
    else:  # and_not: x1 counts, x2 vetoes
        theta = 1
        mask = [False, True]
    return theta, np.array(mask, dtype=bool)
