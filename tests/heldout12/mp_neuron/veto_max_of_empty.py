"""The veto takes np.maximum.reduce over the inhibitory inputs, a reduction without identity: with
no inhibitory input (inhibitory=None, or an all-False mask as for AND and OR) it reduces an
empty array and raises ValueError, so every such call fails.

Mistake in `mp_neuron`; written in the style of correct_ufunc.py.
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
    if np.maximum.reduce(x[mask]) == 1:
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
        return n, none
    return 1, none
