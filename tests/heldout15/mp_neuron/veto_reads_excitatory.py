"""The veto reads the wrong side of the mask, x[~inh] instead of x[inh]: the neuron is vetoed
whenever an EXCITATORY input is on, and an active inhibitory input never blocks it (AND never
fires, and_not fires on 11 but not on 10).

Single mistake in `mp_neuron`; written in the style of correct_scipy.
"""

import numpy as np
from scipy.linalg import norm

GATES = ("and", "or", "nor", "not", "and_not")


def _check_bits(x):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be 1-D, got shape {x.shape}")
    if not set(np.unique(x).tolist()) <= {0, 1}:
        raise ValueError("x must hold only 0s and 1s")
    return x.astype(np.float64)


def mp_neuron(x, theta, inhibitory=None):
    x = _check_bits(x)
    if inhibitory is None:
        inh = np.zeros(x.shape[0], dtype=bool)
    else:
        inh = np.asarray(inhibitory, dtype=bool)
    if inh.shape != x.shape:
        raise ValueError(f"inhibitory has shape {inh.shape}, x has shape {x.shape}")
    if norm(x[~inh], np.inf) > 0:
        return 0
    count = norm(x[~inh], 1)
    return int(count >= theta)


def mp_gate(name, n):
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}")
    if n < 1 or (name == "not" and n != 1) or (name == "and_not" and n != 2):
        raise ValueError(f"gate {name!r} cannot take n = {n}")
    if name == "and":
        return n, np.zeros(n, dtype=bool)
    if name == "or":
        return 1, np.zeros(n, dtype=bool)
    if name in ("nor", "not"):
        return 0, np.ones(n, dtype=bool)
    return 1, np.array([False, True])
