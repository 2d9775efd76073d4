"""The excitatory count is written as value minus role, x_i - m_i, instead of (1 - m_i) * x_i: for
an active inhibitory input both are 0 (and it vetoes anyway), but every INACTIVE inhibitory
input now subtracts 1 from the count, so a neuron with silent inhibitory inputs needs more
active excitatory inputs than theta: x1 AND NOT x2 never fires (on 10 the count is 1 - 1 = 0),
and NOR and NOT never fire either (on the all-zero input the count is -n < 0).

Mistake in `mp_neuron`, written in the style of correct_sliding.py.
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

GATES = ("and", "or", "nor", "not", "and_not")


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D array, got shape {x.shape}")
    xf = x.astype(np.float64)
    n = xf.shape[0]
    if not np.all((xf == 0.0) | (xf == 1.0)):
        raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        mask = np.zeros(n, dtype=bool)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
        if mask.shape != (n,):
            raise ValueError(f"inhibitory has shape {mask.shape}, x has shape {x.shape}")
    stream = np.append(np.column_stack([mask.astype(np.float64), xf]).ravel(), [0.0, 0.0])
    pairs = sliding_window_view(stream, 2)[::2]           # (n + 1, 2): (role, value) per input
    vetoed = np.any(pairs[:, 0] * pairs[:, 1] == 1.0)
    count = np.sum(pairs[:, 1] - pairs[:, 0])
    return int(not vetoed and count >= theta)


def mp_gate(name, n):
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}; known gates: {', '.join(GATES)}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if name == "not" and n != 1:
        raise ValueError(f"'not' takes one input, got n = {n}")
    if name == "and_not" and n != 2:
        raise ValueError(f"'and_not' takes two inputs, got n = {n}")
    pattern = np.concatenate([np.zeros(n, dtype=bool), np.ones(n, dtype=bool)])
    masks = sliding_window_view(pattern, n)               # (n + 1, n): window k has k inhibitory
    window = {"and": 0, "or": 0, "nor": n, "not": n, "and_not": 1}[name]
    theta = {"and": n, "or": 1, "nor": 0, "not": 0, "and_not": 1}[name]
    return int(theta), masks[window].copy()
