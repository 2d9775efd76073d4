"""(defensive) The shortcut for the all-ones input is taken whenever every input is on: the `and
not mask.any()` half of its test is missing, so an all-ones input returns int(n >= theta) before
the veto is looked at, and an active inhibitory input no longer blocks the neuron there (NOR and
NOT fire on all ones, x1 AND NOT x2 fires on 11). Every input with a 0 is right.

One mistake in `mp_neuron`, written from correct_defensive.py.
"""

import numpy as np

GATE_NAMES = ("and", "or", "nor", "not", "and_not")


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D array of 0/1 inputs, got shape {x.shape}")
    is_bit = (x == 0) | (x == 1)
    if not bool(np.all(is_bit)):
        raise ValueError("x must hold only 0s and 1s")
    n = x.shape[0]
    if inhibitory is None:
        mask = np.zeros(n, dtype=bool)
    else:
        mask = np.array(inhibitory, dtype=bool)          # a private copy of the mask
        if mask.shape != (n,):
            raise ValueError(f"inhibitory has shape {mask.shape} but x has shape {x.shape}")
    active = x == 1
    assert active.shape == mask.shape
    n_excitatory = n - int(np.count_nonzero(mask))
    assert 0 <= n_excitatory <= n
    if bool(active.all()):
        return int(n >= theta)                           # every input on, nothing can veto
    inhibitory_hits = int(np.count_nonzero(active & mask))
    if inhibitory_hits > 0:
        return 0                                         # absolute veto
    if theta > n_excitatory:
        return 0                                         # the threshold is out of reach
    excitatory_count = int(np.count_nonzero(active & ~mask))
    assert 0 <= excitatory_count <= n_excitatory
    if excitatory_count >= theta:
        return 1
    return 0


def mp_gate(name, n):
    if name not in GATE_NAMES:
        raise ValueError(f"unknown gate {name!r}; known gates: {', '.join(GATE_NAMES)}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if name == "not" and n != 1:
        raise ValueError(f"'not' takes n == 1 input, got n = {n}")
    if name == "and_not" and n != 2:
        raise ValueError(f"'and_not' takes n == 2 inputs, got n = {n}")
    if n == 1 and name in ("not", "nor"):
        return 0, np.ones(1, dtype=bool)                 # one inhibitory input, threshold 0
    if name == "and":
        theta, mask = n, np.zeros(n, dtype=bool)
    elif name == "or":
        theta, mask = 1, np.zeros(n, dtype=bool)
    elif name == "nor":
        theta, mask = 0, np.ones(n, dtype=bool)
    else:
        theta, mask = 1, np.array([False, True])         # and_not: x2 is the veto
    assert 0 <= theta <= n, "the threshold must be reachable"
    assert mask.shape == (n,) and mask.dtype == bool
    return theta, mask
