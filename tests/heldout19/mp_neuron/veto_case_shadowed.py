"""The cases are in the wrong order and the count's pattern uses a wildcard: case (_, 1) comes
first and matches every active input, inhibitory or not, so the veto case below it is never
reached; active inhibitory inputs are counted as excitatory instead of vetoing (NOR and NOT fire
on active inputs when theta allows it).

Graded function: `mp_neuron`. Written in the style of correct_matchcase.py.
"""

import numpy as np


def _check_bits(values):
    for i, v in enumerate(values):
        match v:
            case 0 | 1:
                pass
            case _:
                raise ValueError(f"x[{i}] = {v!r} is not 0 or 1")


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    match x.shape:
        case (n,):
            pass
        case shape:
            raise ValueError(f"x must be 1-D, got shape {shape}")
    values = x.tolist()
    _check_bits(values)
    match inhibitory:
        case None:
            mask = [False] * n
        case _:
            arr = np.asarray(inhibitory, dtype=bool)
            if arr.shape != (n,):
                raise ValueError(f"inhibitory has shape {arr.shape}, x has {n} inputs")
            mask = arr.tolist()
    count = 0
    for inh, v in zip(mask, values, strict=True):
        match (inh, v):
            case (_, 1):
                count += 1
            case (True, 1):
                return 0                         # absolute veto
            case _:
                pass
    return int(count >= theta)


def _none(n):
    return np.zeros(n, dtype=bool)


def _all(n):
    return np.ones(n, dtype=bool)


def _and(n):
    return n, _none(n)


def _or(n):
    return 1, _none(n)


def _nor(n):
    return 0, _all(n)


def _and_not(n):
    return 1, np.array([False, True])


GATES = {"and": _and, "or": _or, "nor": _nor, "not": _nor, "and_not": _and_not}
ARITY = {"not": 1, "and_not": 2}


def mp_gate(name, n):
    if (build := GATES.get(name)) is None:
        raise ValueError(f"unknown gate {name!r}; known: {', '.join(GATES)}")
    match n:
        case int() | np.integer() if n >= 1:
            pass
        case _:
            raise ValueError(f"n must be a positive int, got {n!r}")
    if (need := ARITY.get(name)) is not None and n != need:
        raise ValueError(f"{name!r} takes {need} input(s), got n = {n}")
    return build(int(n))
