"""The and_not mask rule is partial(operator.gt, 1), i.e. 1 > i, instead of partial(operator.eq, 1).

partial fixes the FIRST argument, so the rule marks position 0 (x1) as inhibitory:
mp_gate("and_not", 2) computes x2 AND NOT x1.

Single mistake in mp_gate; written from correct_mapapply.
"""

import operator
from functools import partial

import numpy as np

THETA = {"and": operator.pos, "or": lambda n: 1, "nor": lambda n: 0, "not": lambda n: 0,
         "and_not": lambda n: 1}
INHIBITS = {"and": lambda i: False, "or": lambda i: False, "nor": lambda i: True,
            "not": lambda i: True, "and_not": partial(operator.gt, 1)}
ARITY = {"not": 1, "and_not": 2}


def _bit(v):
    if v != 0 and v != 1:
        raise ValueError(f"x must hold only 0s and 1s, got {v!r}")
    return int(v)


def mp_neuron(x, theta, inhibitory=None):
    """Returns 1 iff no inhibitory input is on and the excitatory count reaches theta."""
    values = np.asarray(x)
    if values.ndim != 1:
        raise ValueError("x must be a 1-D array")
    bits = list(map(_bit, values.tolist()))
    n = len(bits)
    if inhibitory is None:
        flags = [False] * n
    else:
        mask = np.asarray(inhibitory, dtype=bool)
        if mask.shape != (n,):
            raise ValueError("inhibitory and x must have the same length")
        flags = list(map(bool, mask.tolist()))
    vetoes = sum(map(operator.and_, bits, flags))
    if vetoes:
        return 0
    count = sum(map(operator.mul, bits, map(operator.not_, flags)))
    return int(count >= theta)


def mp_gate(name, n):
    """(theta, inhibitory) that make mp_neuron compute the gate `name` on n inputs."""
    if name not in THETA:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if name in ARITY and ARITY[name] != n:
        raise ValueError(f"{name!r} takes {ARITY[name]} input(s), got {n}")
    mask = np.array(list(map(INHIBITS[name], range(n))), dtype=bool)
    return THETA[name](n), mask
