"""The AND threshold rule in the theta table is the builtin len ("the number of inputs") instead of lambda n: n.

The rule is called with the int n, so mp_gate("and", n) raises TypeError (an int has no len) for
every n.

Graded: mp_gate; written from correct_tables.py.
"""

import numpy as np

# value -> bit: anything not in this table is not a valid input
BIT_TABLE = {0: 0, 1: 1}

# (vetoed, threshold reached) -> output
FIRE_TABLE = {
    (False, False): 0,
    (False, True): 1,
    (True, False): 0,
    (True, True): 0,
}

# gate -> (required n or None, theta as a function of n, inhibitory flags as a function of n)
CONSTANT_THETA = {"or": 1, "nor": 0, "not": 0, "and_not": 1}
THETA_TABLE = {gate: (lambda n, t=t: t) for gate, t in CONSTANT_THETA.items()}
THETA_TABLE["and"] = len
ARITY_TABLE = {"and": None, "or": None, "nor": None, "not": 1, "and_not": 2}
MASK_TABLE = {
    "and": lambda n: [False] * n,
    "or": lambda n: [False] * n,
    "nor": lambda n: [True] * n,
    "not": lambda n: [True],
    "and_not": lambda n: [False, True],
}


def _bits(x):
    values = np.asarray(x)
    if values.ndim != 1:
        raise ValueError("x must be a 1-D array of 0/1 inputs")
    bits = []
    for v in values.tolist():
        if v not in BIT_TABLE:
            raise ValueError("x must hold only 0s and 1s")
        bits.append(BIT_TABLE[v])
    return bits


def mp_neuron(x, theta, inhibitory=None):
    """1 iff no inhibitory input is on and the excitatory count reaches theta, else 0."""
    bits = _bits(x)
    n = len(bits)
    if inhibitory is None:
        flags = [False] * n
    else:
        mask = np.asarray(inhibitory, dtype=bool)
        if mask.shape != (n,):
            raise ValueError("inhibitory and x must have the same length")
        flags = mask.tolist()
    vetoed = any(b == 1 and f for b, f in zip(bits, flags))
    count = sum(b for b, f in zip(bits, flags) if not f)
    return FIRE_TABLE[(vetoed, bool(count >= theta))]


def mp_gate(name, n):
    """(theta, inhibitory) that make mp_neuron compute the gate `name` on n inputs."""
    if name not in ARITY_TABLE:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError("n must be a positive int")
    arity = ARITY_TABLE[name]
    if arity is not None and n != arity:
        raise ValueError(f"{name!r} takes {arity} inputs")
    return THETA_TABLE[name](n), np.array(MASK_TABLE[name](n), dtype=bool)
