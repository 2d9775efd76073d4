"""The excitatory count is summed along axis 1, which in this (inputs x samples) layout is the
SAMPLE axis (the samples-as-rows habit), instead of down the inputs (axis 0): with one sample
column the 'sum' is the column itself, one value per input, and fires[0] then reads only x1's
own value. The neuron fires iff nothing vetoes and x1 alone reaches theta: AND on two or more
inputs fires on 10, OR misses 01, and an empty input raises IndexError.

Mistake in `mp_neuron`, written in the style of correct_colmajor.py.
"""

import numpy as np

GATES = ("and", "or", "nor", "not", "and_not")


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D array, got shape {x.shape}")
    n = x.shape[0]
    Xc = x.astype(np.float64).reshape(n, 1)          # inputs x samples (one sample)
    if not np.all((Xc == 0.0) | (Xc == 1.0)):
        raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        Mc = np.zeros((n, 1), dtype=bool)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
        if mask.shape != (n,):
            raise ValueError(f"inhibitory has shape {mask.shape}, x has shape {x.shape}")
        Mc = mask.reshape(n, 1)
    vetoed = np.any(Mc & (Xc == 1.0), axis=0)        # (1,): some inhibitory input is on
    count = np.sum(np.where(Mc, 0.0, Xc), axis=1)    # active excitatory inputs
    fires = ~vetoed & (count >= theta)
    return int(fires[0])


def mp_gate(name, n):
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}; known gates: {', '.join(GATES)}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if name == "not" and n != 1:
        raise ValueError(f"'not' takes one input, got n = {n}")
    if name == "and_not" and n != 2:
        raise ValueError(f"'and_not' takes two inputs, got n = {n}")
    none = np.zeros((n, 1), dtype=bool)
    every = np.ones((n, 1), dtype=bool)
    second = np.arange(n).reshape(n, 1) == 1
    table = np.hstack([none, none, every, every, second])   # (n, 5): one column per gate
    thetas = np.array([[n, 1, 0, 0, 1]])                    # (1, 5): one threshold per gate
    k = GATES.index(name)
    return int(thetas[0, k]), table[:, k].copy()
