"""NOR is listed with the threshold-1 gates: theta 1 with every input inhibitory.

No excitatory input is left to reach 1, so NOR is constant 0 for every n (NOT is unaffected).

Single mistake in mp_gate; written from correct_scalar.
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    """Returns 1 iff no inhibitory input is on and the excitatory count reaches theta."""
    values = np.asarray(x)
    if values.ndim != 1:
        raise ValueError("x must be 1-D")
    n = values.shape[0]
    bits = []
    for i in range(n):
        v = float(values[i])
        if v != 0.0 and v != 1.0:
            raise ValueError("x must hold only 0s and 1s")
        bits.append(int(v))
    if inhibitory is None:
        flags = [False] * n
    else:
        mask = np.asarray(inhibitory, dtype=bool)
        if mask.shape != (n,):
            raise ValueError("inhibitory and x must have the same length")
        flags = [bool(mask[i]) for i in range(n)]
    count = 0
    for i in range(n):
        if flags[i]:
            if bits[i] == 1:
                return 0
        else:
            count += bits[i]
    if count >= theta:
        return 1
    return 0


def mp_gate(name, n):
    """(theta, inhibitory) making mp_neuron compute the gate `name` on n inputs."""
    if name not in ("and", "or", "nor", "not", "and_not"):
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n must be a positive int")
    if name == "not" and n != 1:
        raise ValueError("not takes one input")
    if name == "and_not" and n != 2:
        raise ValueError("and_not takes two inputs")
    flags = []
    for i in range(n):
        if name in ("nor", "not"):
            flags.append(True)
        elif name == "and_not" and i == 1:
            flags.append(True)
        else:
            flags.append(False)
    if name == "and":
        theta = n
    elif name in ("or", "and_not", "nor"):
        theta = 1
    else:
        theta = 0
    return theta, np.array(flags, dtype=bool)
