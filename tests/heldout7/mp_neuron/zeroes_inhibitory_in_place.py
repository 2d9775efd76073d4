"""To keep inhibitory inputs out of the sum the student sets them to 0 in x itself (x[inh] = 0)
BEFORE the veto check: the veto can never trigger, and the caller's array is modified
(np.asarray does not copy).

Edited from correct_compact.py.
"""

import numpy as np

THETAS = {"and": None, "or": 1, "nor": 0, "not": 0, "and_not": 1}


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1 or not ((x == 0) | (x == 1)).all():
        raise ValueError(f"x must be a 1-D array of 0s and 1s, got {x!r}")
    inh = np.zeros(len(x), bool) if inhibitory is None else np.asarray(inhibitory, dtype=bool)
    if inh.shape != x.shape:
        raise ValueError(f"inhibitory {inh.shape} and x {x.shape} must have the same length")
    x[inh] = 0  # inhibitory inputs do not count
    vetoed = bool((x[inh] == 1).any())
    total = x.sum()
    fires = (not vetoed) and total >= theta
    return int(fires)


def mp_gate(name, n):
    if name not in THETAS:
        raise ValueError(f"unknown gate {name!r}; use one of {sorted(THETAS)}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if (name == "not" and n != 1) or (name == "and_not" and n != 2):
        raise ValueError(f"{name!r} does not take n = {n} inputs")
    theta = n if name == "and" else THETAS[name]
    inh = np.zeros(n, dtype=bool)
    if name in ("nor", "not"):
        inh[:] = True
    elif name == "and_not":
        inh[1] = True
    return theta, inh
