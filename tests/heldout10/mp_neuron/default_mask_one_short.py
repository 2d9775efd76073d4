"""Off-by-one in the default mask: with inhibitory=None the student builds len(x) - 1 False
entries, so the length check then raises ValueError for every call without a mask.

Mistake in `mp_neuron`; edited from correct_pure.py.
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    if np.ndim(x) != 1:
        raise ValueError("x must be a 1-D array of 0/1 inputs")
    values = [float(v) for v in x]
    for v in values:
        if v != 0 and v != 1:
            raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        inhibitory = [False] * (len(values) - 1)
    mask = [bool(m) for m in inhibitory]
    if len(mask) != len(values):
        raise ValueError("inhibitory and x must have the same length")
    for v, m in zip(values, mask):
        if m and v == 1:
            return 0
    count = 0.0
    for i in range(len(values)):
        if not mask[i]:
            count += values[i]
    return 1 if count >= theta else 0


def mp_gate(name, n):
    if name not in ("and", "or", "nor", "not", "and_not"):
        raise ValueError("unknown gate %r" % (name,))
    if (name == "not" and n != 1) or (name == "and_not" and n != 2):
        raise ValueError("wrong number of inputs for %s" % name)
    if name == "and":
        theta, mask = n, [False] * n
    elif name == "or":
        theta, mask = 1, [False] * n
    elif name in ("nor", "not"):
        theta, mask = 0, [True] * n
    else:
        theta, mask = 1, [False, True]
    return theta, np.array(mask, dtype=bool)
