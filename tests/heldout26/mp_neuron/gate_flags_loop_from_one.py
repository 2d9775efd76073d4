"""The loop that builds the gate mask runs over range(1, n): the mask has n - 1 entries.

mp_gate returns a mask one entry short (empty for NOT), which mp_neuron rejects with a
ValueError for the length mismatch; for and_not the one remaining entry is x2 marked inhibitory.

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
    for i in range(1, n):
        if name in ("nor", "not"):
            flags.append(True)
        elif name == "and_not" and i == 1:
            flags.append(True)
        else:
            flags.append(False)
    if name == "and":
        theta = n
    elif name in ("or", "and_not"):
        theta = 1
    else:
        theta = 0
    return theta, np.array(flags, dtype=bool)
