"""The AND threshold is computed from the mask as np.add.reduce(mask), meant as 'the number of
excitatory inputs' but counting the True (inhibitory) entries, 0 here: AND gets theta = 0 and
fires on every input.

Mistake in `mp_gate`; written in the style of correct_ufunc.py.
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a 1-D array")
    binary = np.logical_or.reduce(np.equal.outer(x, [0, 1]), axis=1)
    if not np.logical_and.reduce(binary):
        raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        mask = np.zeros(x.shape[0], dtype=bool)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
    if mask.shape != x.shape:
        raise ValueError("inhibitory and x differ in length")
    active = np.equal(x, 1)
    if np.logical_or.reduce(np.logical_and(active, mask)):
        return 0
    count = np.add.reduce(np.where(mask, 0, x))
    return int(np.greater_equal(count, theta))


def mp_gate(name, n):
    if name not in ("and", "or", "nor", "not", "and_not"):
        raise ValueError(f"unknown gate {name!r}")
    if n < 1 or (name == "not" and n != 1) or (name == "and_not" and n != 2):
        raise ValueError(f"gate {name!r} cannot take n = {n}")
    none = np.zeros(n, dtype=bool)
    if name == "and_not":
        return 1, np.equal(np.arange(n), 1)
    if name in ("nor", "not"):
        return 0, np.logical_not(none)
    if name == "and":
        return int(np.add.reduce(none)), none
    return 1, none
