"""The veto is computed with np.outer instead of np.inner: the sum of the outer product is (number
of inhibitory inputs) x (number of active inputs), not the number of active inhibitory inputs,
so as soon as any input is inhibitory an active EXCITATORY input vetoes the neuron too (e.g.
and_not with x = (1, 0) gives 0 instead of 1).

Graded function: `mp_neuron`. Written in the style of correct_linalg.py.
"""

import numpy as np

GATES = ("and", "or", "nor", "not", "and_not")


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D array, got shape {x.shape}")
    if not np.all((x == 0) | (x == 1)):
        raise ValueError("x must hold only 0s and 1s")
    n = x.shape[0]
    xf = x.astype(np.float64)
    if inhibitory is None:
        m = np.zeros(n)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
        if mask.shape != (n,):
            raise ValueError(f"inhibitory has shape {mask.shape}, x has shape {x.shape}")
        m = mask.astype(np.float64)
    e = 1.0 - m                                  # excitatory indicator
    veto = np.outer(m, xf).sum()                       # active inhibitory inputs
    if veto > 0:
        return 0
    D = np.diag(e)                               # projection onto the excitatory inputs
    count = np.linalg.multi_dot([np.ones(n), D, xf])
    return int(count >= theta)


def mp_gate(name, n):
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if name == "not" and n != 1:
        raise ValueError("'not' takes exactly one input")
    if name == "and_not" and n != 2:
        raise ValueError("'and_not' takes exactly two inputs")
    I = np.eye(n)
    none = np.zeros(n, dtype=bool)
    if name == "and":
        return int(round(np.linalg.norm(np.ones(n)) ** 2)), none   # ‖1‖² = n
    if name == "or":
        return 1, none
    if name in ("nor", "not"):
        return 0, np.diag(I).astype(bool)        # every input inhibitory
    return 1, I[1].astype(bool)                  # and_not: e₂, x2 vetoes
