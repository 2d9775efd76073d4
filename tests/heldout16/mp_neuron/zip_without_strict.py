"""The inputs are paired with their mask by a plain zip() without strict=True, which was the length
check: zip stops silently at the shorter of the two, so a mask longer or shorter than x is
accepted instead of raising ValueError, and the inputs beyond the mask are simply ignored.

Mistake in `mp_neuron`, written in the style of correct_itertools.py.
"""

from itertools import accumulate, chain, repeat

import numpy as np

GATES = ("and", "or", "nor", "not", "and_not")


def _bits(x):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D array of 0/1 inputs, got shape {x.shape}")
    values = x.tolist()
    if not all(v in (0, 1) for v in values):
        raise ValueError("x must hold only 0s and 1s")
    return list(map(int, values))


def mp_neuron(x, theta, inhibitory=None):
    bits = _bits(x)
    if inhibitory is None:
        mask = list(repeat(False, len(bits)))
    else:
        mask = np.asarray(inhibitory, dtype=bool)
        if mask.ndim != 1:
            raise ValueError(f"inhibitory must be 1-D, got shape {mask.shape}")
        mask = mask.tolist()
    try:
        pairs = list(zip(bits, mask))
    except ValueError:
        raise ValueError(f"x has {len(bits)} inputs but the mask has {len(mask)}") from None
    if any(b for b, inh in pairs if inh):
        return 0  # an active inhibitory input vetoes the neuron
    total = list(accumulate((b for b, inh in pairs if not inh), initial=0))[-1]
    return int(total >= theta)


def mp_gate(name, n):
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if name == "not" and n != 1:
        raise ValueError("'not' takes exactly one input")
    if name == "and_not" and n != 2:
        raise ValueError("'and_not' takes exactly two inputs")
    specs = {
        "and": (n, repeat(False, n)),
        "or": (1, repeat(False, n)),
        "nor": (0, repeat(True, n)),
        "not": (0, repeat(True, n)),
        "and_not": (1, chain(repeat(False, 1), repeat(True, n - 1))),
    }
    theta, flags = specs[name]
    return theta, np.fromiter(flags, dtype=bool, count=n)
