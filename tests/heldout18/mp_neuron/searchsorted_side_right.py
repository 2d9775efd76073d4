"""np.searchsorted with side='right': for a name that is in the sorted table it returns the index
AFTER the match, so every gate reads the next row of the parameter tables: 'and' gets and_not's
parameters, 'and_not' nor's, 'nor' not's (only x1 inhibitory), 'not' or's (no veto, theta 1: the
identity) and 'or' runs past the end (IndexError).

In `mp_gate`; written in the style of correct_indexing.
"""

import numpy as np

GATES = ("and", "or", "nor", "not", "and_not")
NAMES = np.array(sorted(GATES))            # and, and_not, nor, not, or


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be 1-D, got shape {x.shape}")
    bad = np.flatnonzero((x != 0) & (x != 1))
    if bad.size > 0:
        raise ValueError(f"x[{bad[0]}] is not 0 or 1")
    n = x.shape[0]
    if inhibitory is None:
        inh_idx = np.array([], dtype=int)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
        if mask.shape != (n,):
            raise ValueError(f"inhibitory has shape {mask.shape} but x has shape {x.shape}")
        inh_idx = np.flatnonzero(mask)
    exc_idx = np.setdiff1d(np.arange(n), inh_idx)
    if np.any(np.take(x, inh_idx) == 1):
        return 0
    count = np.flatnonzero(np.take(x, exc_idx)).size
    return int(count >= theta)


def mp_gate(name, n):
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if name == "not" and n != 1:
        raise ValueError("'not' takes one input")
    if name == "and_not" and n != 2:
        raise ValueError("'and_not' takes two inputs")
    k = int(np.searchsorted(NAMES, name, side="right"))
    theta = (n, 1, 0, 0, 1)[k]              # in the order of NAMES
    inhibited = ([], [1], np.arange(n), [0], [])[k]
    mask = np.zeros(n, dtype=bool)
    np.put(mask, inhibited, True)
    return theta, mask
