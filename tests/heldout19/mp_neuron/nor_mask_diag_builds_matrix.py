"""The all-inhibitory mask for NOR and NOT is built with np.diag of a ones VECTOR, which builds an
(n, n) identity matrix, instead of np.diag of the identity MATRIX, which extracts its diagonal
(a vector of n ones): the returned 'mask' has shape (n, n) instead of (n,), so it is not a mask
of length n (the neuron rejects it, and for n > 1 it is mostly False).

Graded function: `mp_gate`. Written in the style of correct_linalg.py.
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
    veto = np.inner(m, xf)                       # active inhibitory inputs
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
        return 0, np.diag(np.ones(n)).astype(bool)        # every input inhibitory
    return 1, I[1].astype(bool)                  # and_not: e₂, x2 vetoes
