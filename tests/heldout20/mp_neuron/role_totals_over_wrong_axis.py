"""The role table times the inputs is summed over the roles (axis=0) instead of over the inputs
(axis=1): each column of the table holds exactly one True, so the sum is x itself and
'active[0]', 'active[1]' are just x1 and x2: the neuron is vetoed whenever x2 is on, whatever
its role, and counts only x1 (with a single input active[1] raises IndexError).

Mistake in `mp_neuron`; written in the style of correct_broadcast.py.
"""

import numpy as np

GATES = ("and", "or", "nor", "not", "and_not")
LEVELS = np.array([0.0, 1.0])


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D array, got shape {x.shape}")
    xf = x.astype(np.float64)
    is_level = xf[:, np.newaxis] == LEVELS[np.newaxis, :]   # (n, 2): input i equals level l
    if not is_level.any(axis=1).all():
        raise ValueError("x must hold only 0s and 1s")
    n = xf.shape[0]
    if inhibitory is None:
        mask = np.zeros(n, dtype=bool)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
        if mask.shape != (n,):
            raise ValueError(f"inhibitory has shape {mask.shape}, x has shape {x.shape}")
    roles = np.stack([~mask, mask])                          # (2, n): excitatory, inhibitory
    active = (roles * xf[np.newaxis, :]).sum(axis=0)         # (2,): active inputs per role
    if active[1] > 0:
        return 0
    return int(active[0] >= theta)


def mp_gate(name, n):
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if name == "not" and n != 1:
        raise ValueError("'not' takes one input")
    if name == "and_not" and n != 2:
        raise ValueError("'and_not' takes two inputs")
    thetas = np.array([n, 1, 0, 0, 1])                       # in the order of GATES
    first_inhibitory = np.array([n, n, 0, 0, 1])             # 0-based; n means none
    masks = np.arange(n)[np.newaxis, :] >= first_inhibitory[:, np.newaxis]   # (5, n)
    row = GATES.index(name)
    return int(thetas[row]), masks[row]
