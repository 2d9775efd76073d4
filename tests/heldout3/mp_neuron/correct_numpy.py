"""Correct solution, numpy masks and a gate table.

Correct solution: written for held-out batch 3 (issue 16) without seeing the
catalogue; see README.md.
"""

import numpy as np

GATES = {"and": lambda n: (n, [False] * n), "or": lambda n: (1, [False] * n),
         "nor": lambda n: (0, [True] * n), "not": lambda n: (0, [True]),
         "and_not": lambda n: (1, [False, True])}
SIZES = {"not": 1, "and_not": 2}


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    mask = np.zeros(x.shape, dtype=bool) if inhibitory is None else np.asarray(inhibitory, bool)
    if x.ndim != 1 or mask.shape != x.shape:
        raise ValueError("x and inhibitory must have the same length")
    if not np.isin(x, (0, 1)).all():
        raise ValueError("inputs must be 0 or 1")
    if np.any(x[mask] == 1):
        return 0
    return int(x[~mask].sum() >= theta)


def mp_gate(name, n):
    if name not in GATES:
        raise ValueError(f"unknown gate {name}")
    if name in SIZES and n != SIZES[name]:
        raise ValueError(f"{name} needs n == {SIZES[name]}")
    theta, mask = GATES[name](n)
    return theta, np.array(mask, dtype=bool)
