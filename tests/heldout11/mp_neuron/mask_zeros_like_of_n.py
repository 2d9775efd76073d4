"""np.zeros_like(n, dtype=bool) where np.zeros(n, dtype=bool) is meant: zeros_like copies the shape
of its argument, the int n, so the AND mask is a 0-d array instead of n entries and the neuron
rejects it (length mismatch).

Mistake in `mp_gate`; written in the style of correct_einsum.py.
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be 1-D")
    if not np.isin(x, (0, 1)).all():
        raise ValueError("x must hold only 0 and 1")
    xf = x.astype(np.float64)
    if inhibitory is None:
        inh = np.zeros(xf.shape[0])
    else:
        inh = np.asarray(inhibitory, dtype=bool).astype(np.float64)
    if inh.shape != xf.shape:
        raise ValueError("inhibitory must have the same length as x")
    vetoes = np.einsum("i,i->", xf, inh)
    excitatory = np.einsum("i,i->", xf, 1.0 - inh)
    if vetoes > 0:
        return 0
    return int(excitatory >= theta)


def mp_gate(name, n):
    if name not in ("and", "or", "nor", "not", "and_not"):
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n must be a positive int")
    if name == "not" and n != 1:
        raise ValueError("not takes one input")
    if name == "and_not" and n != 2:
        raise ValueError("and_not takes two inputs")
    if name == "and":
        return n, np.zeros_like(n, dtype=bool)
    if name == "or":
        return 1, np.zeros(n, dtype=bool)
    if name == "and_not":
        return 1, np.array([False, True])
    return 0, np.ones(n, dtype=bool)
