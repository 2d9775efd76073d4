"""The neuron fires only when the excitatory count EQUALS theta instead of reaching it: AND is
still right, but OR with two or more active inputs outputs 0, and any threshold below the count
(e.g. theta 0 with an active input) does not fire.

Mistake in `mp_neuron`, written in the style of correct_stacking.py (stacking).
"""

import numpy as np

GATES = ("and", "or", "nor", "not", "and_not")


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be 1-D, got shape {x.shape}")
    if not np.all((x == 0) | (x == 1)):
        raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        inhibitory = np.repeat(False, x.shape[0])
    inh = np.asarray(inhibitory, dtype=bool)
    if inh.ndim != 1 or inh.shape[0] != x.shape[0]:
        raise ValueError(f"inhibitory has shape {inh.shape} but x has shape {x.shape}")
    table = np.column_stack([x.astype(int), inh.astype(int)])   # one row per input: (x_i, inh_i)
    if np.any((table[:, 0] == 1) & (table[:, 1] == 1)):
        return 0
    count = table[table[:, 1] == 0, 0].sum()
    return int(count == theta)


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
        return n, np.repeat(False, n)
    if name == "or":
        return 1, np.repeat(False, n)
    if name in ("nor", "not"):
        return 0, np.repeat(True, n)
    return 1, np.r_[np.repeat(False, n - 1), True]
