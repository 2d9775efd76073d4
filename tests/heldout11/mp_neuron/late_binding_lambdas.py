"""Late binding in a loop of lambdas: each gate's builder is `lambda n: (_theta(gate, n),
_mask(gate, n))`, which reads the loop variable `gate` when it is CALLED, after the loop has
ended, so every gate gets the parameters of the last gate of the list (and_not: theta 1, the
second input inhibitory).

Mistake in `mp_gate`; written in the style of correct_comprehension.py.
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    if np.ndim(x) != 1:
        raise ValueError("x must be a 1-D list of inputs")
    values = [v for v in np.asarray(x).tolist()]
    if not all(v in (0, 1) for v in values):
        raise ValueError("inputs must be 0 or 1")
    if inhibitory is None:
        mask = [False for _ in values]
    else:
        mask = [bool(m) for m in np.asarray(inhibitory).tolist()]
    if len(mask) != len(values):
        raise ValueError("mask and inputs differ in length")
    if any(v == 1 for v, m in zip(values, mask) if m):
        return 0
    count = sum(v for v, m in zip(values, mask) if not m)
    return 1 if count >= theta else 0


def _theta(gate, n):
    return {"and": n, "or": 1, "nor": 0, "not": 0, "and_not": 1}[gate]


def _mask(gate, n):
    if gate in ("nor", "not"):
        return [True for _ in range(n)]
    if gate == "and_not":
        return [i == 1 for i in range(n)]
    return [False for _ in range(n)]


BUILDERS = {}
for gate in ["and", "or", "nor", "not", "and_not"]:
    BUILDERS[gate] = lambda n: (_theta(gate, n), _mask(gate, n))


def mp_gate(name, n):
    if name not in ["and", "or", "nor", "not", "and_not"]:
        raise ValueError("unknown gate: " + str(name))
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n must be a positive integer")
    if (name == "not" and n != 1) or (name == "and_not" and n != 2):
        raise ValueError("wrong number of inputs for " + name)
    theta, mask = BUILDERS[name](n)
    return theta, np.array(mask, dtype=bool)
