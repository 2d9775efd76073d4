"""The McCulloch-Pitts neuron with counting numerics: each input is looked up among the sorted
levels (0, 1) with np.searchsorted (anything that does not land exactly on a level is rejected),
the veto reads a np.bincount tally of the input codes 2*inhibitory + x, and the number of active
excitatory inputs is the range sum S[n] - S[0] of their prefix sums (with the leading 0). The
gates' parameters come from the running count 1, 2, ..., n of the inputs.

Correct solution (style: cumulative).
"""

import numpy as np

GATES = ("and", "or", "nor", "not", "and_not")
LEVELS = np.array([0.0, 1.0])


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D array, got shape {x.shape}")
    xf = x.astype(np.float64)
    slot = np.searchsorted(LEVELS, xf).clip(0, 1)          # the level each input would sit at
    if not np.array_equal(LEVELS[slot], xf):
        raise ValueError("x must hold only 0s and 1s")
    n = xf.shape[0]
    if inhibitory is None:
        mask = np.zeros(n, dtype=bool)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
        if mask.shape != (n,):
            raise ValueError(f"inhibitory has shape {mask.shape}, x has shape {x.shape}")
    bits = slot                                            # the inputs as ints 0/1
    # codes: 0 excitatory off, 1 excitatory on, 2 inhibitory off, 3 inhibitory on
    tally = np.bincount(2 * mask + bits, minlength=4)
    if tally[3] > 0:
        return 0                                           # an active inhibitory input vetoes
    prefix = np.concatenate(([0], np.cumsum(bits[~mask])))  # S[0] = 0, S[k] = first k inputs
    count = prefix[-1] - prefix[0]
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
    reach = np.cumsum(np.ones(n, dtype=np.intp))            # 1, 2, ..., n: inputs counted so far
    # 1-based position of the first inhibitory input (n + 1: none)
    first_inhibitory = {"and": n + 1, "or": n + 1, "nor": 1, "not": 1, "and_not": 2}[name]
    mask = reach >= first_inhibitory
    theta = {"and": reach[-1], "or": reach[0], "nor": 0, "not": 0, "and_not": reach[0]}[name]
    return int(theta), mask
