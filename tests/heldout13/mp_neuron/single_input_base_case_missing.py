"""The recursive excitatory count has a base case only for an empty slice, not for a single input:
a one-input slice is split into an empty half and itself again, so the recursion never ends and
mp_neuron raises RecursionError on every call that is not vetoed, instead of returning 0 or 1.

Mistake in `mp_neuron`; written in the style of correct_recursive.py.
"""

from functools import reduce

import numpy as np

GATE_NAMES = ("and", "or", "nor", "not", "and_not")


def _all_bits(x, lo, hi):
    if hi - lo == 0:
        return True
    if hi - lo == 1:
        return bool(x[lo] == 0 or x[lo] == 1)
    mid = (lo + hi) // 2
    return _all_bits(x, lo, mid) and _all_bits(x, mid, hi)


def _vetoed(x, mask, lo, hi):
    if hi - lo == 0:
        return False
    if hi - lo == 1:
        return bool(mask[lo] and x[lo] == 1)
    mid = (lo + hi) // 2
    return _vetoed(x, mask, lo, mid) or _vetoed(x, mask, mid, hi)


def _excitatory(x, mask, lo, hi):
    if hi - lo == 0:
        return 0
    mid = (lo + hi) // 2
    return _excitatory(x, mask, lo, mid) + _excitatory(x, mask, mid, hi)


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a 1-D array of 0/1 inputs")
    n = x.shape[0]
    if not _all_bits(x, 0, n):
        raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        mask = np.zeros(n, dtype=bool)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
    if mask.shape != (n,):
        raise ValueError("inhibitory must have the same length as x")
    if _vetoed(x, mask, 0, n):
        return 0
    return 1 if _excitatory(x, mask, 0, n) >= theta else 0


def mp_gate(name, n):
    if name not in GATE_NAMES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError("n must be a positive int")
    if name == "not" and n != 1:
        raise ValueError("'not' takes exactly one input")
    if name == "and_not" and n != 2:
        raise ValueError("'and_not' takes exactly two inputs")
    theta, inhibited = {
        "and": (n, ()),
        "or": (1, ()),
        "nor": (0, range(n)),
        "not": (0, (0,)),
        "and_not": (1, (1,)),
    }[name]
    flags = reduce(lambda acc, i: [*acc, i in inhibited], range(n), [])
    return theta, np.array(flags, dtype=bool)
