"""McCulloch-Pitts neuron in a functional style: comprehensions, any() and sum() over zip."""

import numpy as np


def _bits(x):
    arr = np.asarray(x)
    if arr.ndim != 1:
        raise ValueError("x must be a 1-D array of 0/1 inputs")
    bits = arr.tolist()
    if not all(b in (0, 1) for b in bits):
        raise ValueError("x must hold only 0s and 1s")
    return bits


def _mask(inhibitory, n):
    if inhibitory is None:
        return [False] * n
    m = np.asarray(inhibitory, dtype=bool)
    if m.shape != (n,):
        raise ValueError("inhibitory must have the same length as x")
    return m.tolist()


def mp_neuron(x, theta, inhibitory=None):
    bits = _bits(x)
    mask = _mask(inhibitory, len(bits))
    vetoed = any(b == 1 for b, m in zip(bits, mask) if m)
    count = sum(b for b, m in zip(bits, mask) if not m)
    return 0 if vetoed else int(count >= theta)


def mp_gate(name, n):
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n must be a positive int")
    if name == "and":
        return n, np.array([False] * n)
    if name == "or":
        return 1, np.array([False] * n)
    if name == "nor":
        return 0, np.array([True] * n)
    if name == "not":
        if n != 1:
            raise ValueError("not takes one input")
        return 0, np.array([True])
    if name == "and_not":
        if n != 2:
            raise ValueError("and_not takes two inputs")
        return 1, np.array([False, True])
    raise ValueError("unknown gate %r" % (name,))
