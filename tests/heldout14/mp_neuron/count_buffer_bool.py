"""The 0-d buffer for the excitatory count is preallocated with dtype=bool: np.add.reduce of the
float inputs cannot be written into it (numpy refuses the float64 -> bool cast with a
UFuncTypeError), so every call that is not vetoed raises instead of returning 0 or 1.

One mistake, in `mp_neuron`; written in the style of correct_inplace.py.
"""

import numpy as np

GATES = ("and", "or", "nor", "not", "and_not")
_ARITY = {"not": 1, "and_not": 2}


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D array, got shape {x.shape}")
    n = x.shape[0]
    bad = np.empty(n, dtype=bool)
    np.not_equal(x, 0, out=bad)
    bad &= x != 1
    if bad.any():
        raise ValueError("x must hold only 0s and 1s")
    mask = np.zeros(n, dtype=bool)
    if inhibitory is not None:
        inhibitory = np.asarray(inhibitory, dtype=bool)
        if inhibitory.shape != (n,):
            raise ValueError(f"inhibitory has shape {inhibitory.shape}, x has {n} inputs")
        np.copyto(mask, inhibitory)
    active = np.zeros(n, dtype=np.float64)
    np.copyto(active, x, casting="unsafe")
    hits = np.zeros(n, dtype=np.float64)
    np.multiply(active, mask, out=hits)
    if hits.any():
        return 0
    np.logical_not(mask, out=mask)  # the private mask now marks the excitatory inputs
    np.multiply(active, mask, out=active)
    total = np.zeros((), dtype=bool)
    np.add.reduce(active, out=total)
    return int(total >= theta)


def mp_gate(name, n):
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if name in _ARITY and n != _ARITY[name]:
        raise ValueError(f"{name!r} takes {_ARITY[name]} input(s), got n = {n}")
    theta = {"and": n, "or": 1, "nor": 0, "not": 0, "and_not": 1}[name]
    mask = np.zeros(n, dtype=bool)
    if name in ("nor", "not"):
        mask[:] = True
    elif name == "and_not":
        mask[1] = True
    return theta, mask
