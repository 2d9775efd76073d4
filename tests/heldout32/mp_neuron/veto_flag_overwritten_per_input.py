"""The running veto flag is overwritten by every inhibitory input instead of or-ed with it.

Each inhibitory input sets vetoed = value == 1, so only the LAST inhibitory input decides: an
active inhibitory input followed by a silent one no longer vetoes the output.

Single mistake in mp_neuron; written from correct_online.
"""

import numpy as np

GATES = ("and", "or", "nor", "not", "and_not")


def mp_neuron(x, theta, inhibitory=None):
    """Returns 1 iff no inhibitory input is on and the excitatory count reaches theta."""
    values = np.asarray(x)
    if values.ndim != 1:
        raise ValueError("x must be a 1-D array")
    n = values.shape[0]
    if inhibitory is None:
        mask = np.zeros(n, dtype=bool)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
        if mask.shape != (n,):
            raise ValueError("inhibitory and x must have the same length")
    count = 0
    vetoed = False
    for i in range(n):
        value = values[i]
        if value != 0 and value != 1:
            raise ValueError("x must hold only 0s and 1s")
        if mask[i]:
            vetoed = value == 1
        else:
            count = count + int(value)
    if vetoed:
        return 0
    return int(count >= theta)


def mp_gate(name, n):
    """(theta, inhibitory) for a gate, the threshold and the mask grown one input at a time."""
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError("n must be a positive int")
    if name == "not" and n != 1:
        raise ValueError("'not' takes one input")
    if name == "and_not" and n != 2:
        raise ValueError("'and_not' takes two inputs")
    theta = 0
    mask = np.zeros(n, dtype=bool)
    for i in range(n):
        if name == "and":
            theta = theta + 1
        elif name == "or":
            theta = max(theta, 1)
        elif name in ("nor", "not"):
            mask[i] = True
        elif i == 0:
            theta = theta + 1
        else:
            mask[i] = True
    return theta, mask
