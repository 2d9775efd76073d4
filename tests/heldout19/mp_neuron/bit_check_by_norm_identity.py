"""The 0/1 check is replaced by the identity ||x||_2^2 = ||x||_1 (true for every 0/1 vector): it
also holds for -1 entries (1 = |-1|) and for mixtures whose sums happen to agree, so an input
holding -1 (e.g. [1, -1, 0]) is accepted instead of raising ValueError, and the -1 then counts
against the threshold or cancels the veto.

Graded function: `mp_neuron`. Written in the style of correct_linalg.py.
"""

import numpy as np

GATES = ("and", "or", "nor", "not", "and_not")


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D array, got shape {x.shape}")
    if not np.isclose(np.linalg.norm(x) ** 2, np.linalg.norm(x, ord=1)):
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
        return 0, np.diag(I).astype(bool)        # every input inhibitory
    return 1, I[1].astype(bool)                  # and_not: e₂, x2 vetoes
