"""McCulloch-Pitts neuron in plain Python: the inputs become a list of floats, the veto and the
count are two simple loops, and the gates are one if/elif chain over (theta, mask) pairs."""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    if np.ndim(x) != 1:
        raise ValueError("x must be a 1-D array of 0/1 inputs")
    values = [float(v) for v in x]
    for v in values:
        if v != 0 and v != 1:
            raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        inhibitory = [False] * len(values)
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
