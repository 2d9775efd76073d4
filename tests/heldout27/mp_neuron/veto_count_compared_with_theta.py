"""The veto is a threshold test too: the inhibitory inputs veto only when their count reaches theta.

The same threshold is used for both sets of inputs, np.sum(x[I] == 1) >= θ instead of any active
inhibitory input: with theta 0 every call with an inhibitory input is vetoed (NOR and NOT never
fire), with theta 2 one active inhibitory input no longer vetoes.

Single mistake in mp_neuron; written from correct_greek.
"""

import numpy as np

GATES = ("and", "or", "nor", "not", "and_not")


def mp_neuron(x, theta, inhibitory=None):
    """y = 1  iff  x_j = 0 for every j in I  and  Σ_{i in E} x_i >= θ;  else y = 0."""
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a 1-D array")
    if not np.all((x == 0) | (x == 1)):
        raise ValueError("x must hold only 0s and 1s")
    n = x.shape[0]
    θ = theta
    I = np.zeros(n, dtype=bool) if inhibitory is None else np.asarray(inhibitory, dtype=bool)
    if I.shape != (n,):
        raise ValueError("inhibitory and x must have the same length")
    E = ~I
    veto = bool(np.sum(x[I] == 1) >= θ)
    Σ = np.sum(x[E] == 1)
    if veto:
        return 0
    return int(Σ >= θ)


def mp_gate(name, n):
    """(θ, I) for each gate: AND θ = n, OR θ = 1, NOR/NOT θ = 0 with I = all, AND-NOT θ = 1, I = {2}."""
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError("n must be a positive int")
    if name == "not" and n != 1:
        raise ValueError("not takes one input")
    if name == "and_not" and n != 2:
        raise ValueError("and_not takes two inputs")
    I = np.zeros(n, dtype=bool)
    if name == "and":
        θ = n
    elif name == "or":
        θ = 1
    elif name in ("nor", "not"):
        θ = 0
        I = np.ones(n, dtype=bool)
    else:
        θ = 1
        I = np.array([False, True])
    return θ, I
