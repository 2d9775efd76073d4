"""The veto flag is reassigned for every input (vetoed = m and v == 1) instead of being combined
with `or`: only the LAST input decides, so an active inhibitory input that is not the last one
no longer vetoes the neuron.

Mistake in `mp_neuron`; written in the style of correct_comprehension.py.
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    if np.ndim(x) != 1:
        raise ValueError("x must be a 1-D list of inputs")
    values = [v for v in np.asarray(x).tolist()]
    if not all(v in (0, 1) for v in values):
        raise ValueError("inputs must be 0 or 1")
    if inhibitory is None:
        mask = [False for _ in values]
    else:
        mask = [bool(m) for m in np.asarray(inhibitory).tolist()]
    if len(mask) != len(values):
        raise ValueError("mask and inputs differ in length")
    vetoed = False
    for v, m in zip(values, mask):
        vetoed = m and v == 1
    if vetoed:
        return 0
    count = sum(v for v, m in zip(values, mask) if not m)
    return 1 if count >= theta else 0


def mp_gate(name, n):
    if name not in ["and", "or", "nor", "not", "and_not"]:
        raise ValueError("unknown gate: " + str(name))
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n must be a positive integer")
    if (name == "not" and n != 1) or (name == "and_not" and n != 2):
        raise ValueError("wrong number of inputs for " + name)
    if name == "and":
        theta, mask = n, [False for _ in range(n)]
    elif name == "or":
        theta, mask = 1, [False for _ in range(n)]
    elif name == "and_not":
        theta, mask = 1, [i == 1 for i in range(n)]
    else:
        theta, mask = 0, [True for _ in range(n)]
    return theta, np.array(mask, dtype=bool)
