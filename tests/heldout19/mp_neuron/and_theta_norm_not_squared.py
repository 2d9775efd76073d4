"""The AND threshold is taken as the norm of the ones vector, ||1|| = sqrt(n), instead of its
square ||1||^2 = n (the number of inputs): for n = 1 and 2 the threshold still works (a count of
1 does not reach sqrt(2)), but from n = 3 on sqrt(n) < n - 1, so the gate fires when all but one
input are 1 and is no AND.

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
        return np.linalg.norm(np.ones(n)), none   # ‖1‖² = n
    if name == "or":
        return 1, none
    if name in ("nor", "not"):
        return 0, np.diag(I).astype(bool)        # every input inhibitory
    return 1, I[1].astype(bool)                  # and_not: e₂, x2 vetoes
