"""The AND threshold is n // 2 + 1, a strict majority (the threshold of a majority gate), instead
of n: it is right for one and two inputs, but for n >= 3 the neuron already fires when more than
half of the inputs are 1 (e.g. x = (1, 1, 0) for n = 3).

In `mp_gate`; written in the style of correct_mathlib.
"""

import operator

import numpy as np

GATES = ("and", "or", "nor", "not", "and_not")


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be 1-D, got shape {x.shape}")
    values = x.tolist()
    if not all(v in (0, 1) for v in values):
        raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        flags = [False] * len(values)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
        if mask.ndim != 1 or len(mask) != len(values):
            raise ValueError(f"inhibitory has shape {mask.shape} but x has {len(values)} entries")
        flags = mask.tolist()
    active = [v == 1 for v in values]
    if any(map(operator.and_, active, flags)):
        return 0
    excitatory = [v for v, f in zip(values, flags) if not f]
    return int(sum(excitatory, start=-theta) >= 0)


def mp_gate(name, n):
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if name == "not" and n != 1:
        raise ValueError("'not' takes one input")
    if name == "and_not" and n != 2:
        raise ValueError("'and_not' takes two inputs")
    theta = {"and": n // 2 + 1, "or": 1, "nor": 0, "not": 0, "and_not": 1}[name]
    if name in ("nor", "not"):
        flags = [True] * n
    elif name == "and_not":
        flags = [False, True]
    else:
        flags = [False] * n
    return theta, np.array(flags, dtype=bool)
