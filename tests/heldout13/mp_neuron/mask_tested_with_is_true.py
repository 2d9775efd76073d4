"""The veto tests the mask entries with `m is True`: the entries of a numpy bool array are
numpy.bool_ objects, never the Python object True, so no input ever counts as inhibitory for the
veto and an active inhibitory input no longer blocks the neuron (NOR and NOT fire on every
input, and_not fires on 11).

Mistake in `mp_neuron`; written in the style of correct_generator.py.
"""

from itertools import compress

import numpy as np

GATE_NAMES = ("and", "or", "nor", "not", "and_not")


def _inhibited_positions(name, n):
    if name in ("nor", "not"):
        yield from range(n)
    elif name == "and_not":
        yield 1


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a 1-D array of 0/1 inputs")
    if not all(v == 0 or v == 1 for v in x):
        raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        mask = np.zeros(len(x), dtype=bool)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
    if mask.shape != x.shape:
        raise ValueError("inhibitory must have the same length as x")
    if any(v == 1 for v, m in zip(x, mask) if m is True):
        return 0
    excitatory = compress(x, (not m for m in mask))
    count = sum(int(v) for v in excitatory)
    return int(count >= theta)


def mp_gate(name, n):
    if name not in GATE_NAMES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError("n must be a positive int")
    if name == "not" and n != 1:
        raise ValueError("'not' takes exactly one input")
    if name == "and_not" and n != 2:
        raise ValueError("'and_not' takes exactly two inputs")
    theta = {"and": n, "or": 1, "nor": 0, "not": 0, "and_not": 1}[name]
    inhibited = set(_inhibited_positions(name, n))
    mask = np.fromiter((i in inhibited for i in range(n)), dtype=bool, count=n)
    return theta, mask
