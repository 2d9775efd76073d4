"""With inhibitory=None every input is made inhibitory instead of none.

The default mask is [True] * n, so without a mask any active input vetoes the neuron and nothing
is ever counted: it fires only on the all-zero input, and only when theta <= 0.

Single mistake in mp_neuron; written from correct_eafp.
"""

import operator

import numpy as np

BIT = {0.0: 0, 1.0: 1}
ARITY = {"not": 1, "and_not": 2}
GATES = {
    "and": lambda n: (n, np.zeros(n, dtype=bool)),
    "or": lambda n: (1, np.zeros(n, dtype=bool)),
    "nor": lambda n: (0, np.ones(n, dtype=bool)),
    "not": lambda n: (0, np.ones(n, dtype=bool)),
    "and_not": lambda n: (1, np.array([False, True])),
}


def _bits(x):
    try:
        values = np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError) as err:
        raise ValueError("x must hold only 0s and 1s") from err
    if values.ndim != 1:
        raise ValueError("x must be a 1-D array")
    try:
        return [BIT[v] for v in values.tolist()]
    except KeyError as err:
        raise ValueError(f"x must hold only 0s and 1s, got {err.args[0]!r}") from err


def _flags(inhibitory, n):
    if inhibitory is None:
        return [True] * n
    mask = np.asarray(inhibitory, dtype=bool)
    try:
        (length,) = mask.shape
    except ValueError as err:
        raise ValueError("inhibitory must be a 1-D mask") from err
    if length != n:
        raise ValueError("inhibitory and x must have the same length")
    return mask.tolist()


def mp_neuron(x, theta, inhibitory=None):
    """Returns 1 iff no inhibitory input is on and the excitatory count reaches theta."""
    bits = _bits(x)
    flags = _flags(inhibitory, len(bits))
    try:
        pairs = list(zip(bits, flags, strict=True))
    except ValueError as err:
        raise ValueError("inhibitory and x must have the same length") from err
    if any(bit and flag for bit, flag in pairs):
        return 0
    count = sum(bit for bit, flag in pairs if not flag)
    return int(count >= theta)


def mp_gate(name, n):
    """(theta, inhibitory) that make mp_neuron compute the gate `name` on n inputs."""
    try:
        build = GATES[name]
    except (KeyError, TypeError) as err:
        raise ValueError(f"unknown gate {name!r}") from err
    try:
        n = operator.index(n)
    except TypeError as err:
        raise ValueError(f"n must be an int, got {n!r}") from err
    if n < 1:
        raise ValueError("n must be at least 1")
    if ARITY.get(name, n) != n:
        raise ValueError(f"{name!r} takes {ARITY[name]} input(s), got {n}")
    theta, mask = build(n)
    return theta, mask
