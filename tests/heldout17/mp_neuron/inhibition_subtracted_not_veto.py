"""Inhibition is subtracted from the count instead of being an absolute veto: every active
inhibitory input lowers the excitatory count by one (the 'relative inhibition' of later models),
so with enough active excitatory inputs the neuron still fires while an inhibitory input is on
(e.g. theta 1, x = (1, 1, 1) with the last input inhibitory fires; the McCulloch-Pitts neuron
must output 0).

Mistake in `mp_neuron`, written in the style of correct_vectorize.py (vectorize).
"""

import numpy as np

GATES = ("and", "or", "nor", "not", "and_not")


def _is_bit(v):
    return v == 0 or v == 1


def _vetoes(v, inh):
    return bool(inh) and v == 1


def _excitatory(v, inh):
    return 0 if inh else int(v)


is_bit = np.vectorize(_is_bit, otypes=[bool])
vetoes = np.vectorize(_vetoes, otypes=[bool])
excitatory = np.vectorize(_excitatory, otypes=[int])


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be 1-D, got shape {x.shape}")
    if not np.all(is_bit(x)):
        raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        inhibitory = np.zeros(x.shape, dtype=bool)
    inh = np.asarray(inhibitory, dtype=bool)
    if inh.shape != x.shape:
        raise ValueError(f"inhibitory has shape {inh.shape} but x has shape {x.shape}")
    count = int(np.sum(excitatory(x, inh))) - int(np.sum(vetoes(x, inh)))
    return int(count >= theta)


def mp_gate(name, n):
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if name == "not" and n != 1:
        raise ValueError("'not' takes exactly one input")
    if name == "and_not" and n != 2:
        raise ValueError("'and_not' takes exactly two inputs")
    if name == "and":
        return n, np.fromfunction(lambda i: i < 0, (n,), dtype=int)
    if name == "or":
        return 1, np.fromfunction(lambda i: i < 0, (n,), dtype=int)
    if name in ("nor", "not"):
        return 0, np.fromfunction(lambda i: i >= 0, (n,), dtype=int)
    return 1, np.fromfunction(lambda i: i == 1, (n,), dtype=int)
