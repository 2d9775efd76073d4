"""The NOR mask loop runs over i = 1..n as in the formula I = {1, ..., n}: range(1, n + 1).

The set I = {1, ..., n} is translated literally into range(1, n + 1): I[n] is one past the end
of the numpy mask, so mp_gate('nor', n) raises IndexError for every n.

Graded: mp_gate (written from correct_textbook.py).
"""

import numpy as np

GATE_NAMES = ("and", "or", "nor", "not", "and_not")


def mp_neuron(x, theta, inhibitory=None):
    """y = 1 iff x_i = 0 for every i in I and g(x) = sum_{i not in I} x_i >= theta, else 0."""
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a 1-D array of 0/1 inputs")
    n = x.shape[0]
    for i in range(n):
        # x_i in {0, 1}
        if not (x[i] == 0 or x[i] == 1):
            raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        I = np.zeros(n, dtype=bool)
    else:
        I = np.asarray(inhibitory, dtype=bool)
    if I.shape != (n,):
        raise ValueError("inhibitory and x must have the same length")
    # veto: if x_i = 1 for some i in I, then y = 0
    for i in range(n):
        if I[i] and x[i] == 1:
            return 0
    # g(x) = sum_{i not in I} x_i
    g = 0
    for i in range(n):
        if not I[i]:
            g = g + int(x[i])
    # y = 1 if g(x) >= theta else 0
    if g >= theta:
        return 1
    return 0


def mp_gate(name, n):
    """(theta, I) of the lecture's table: AND theta = n; OR theta = 1; NOR and NOT theta = 0 with
    every input inhibitory; x1 AND NOT x2 theta = 1 with I = {2}."""
    if name not in GATE_NAMES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError("n must be a positive int")
    if name == "not" and n != 1:
        raise ValueError("'not' takes one input")
    if name == "and_not" and n != 2:
        raise ValueError("'and_not' takes two inputs")
    I = np.zeros(n, dtype=bool)
    if name == "and":
        # AND: theta = n, I = {}
        theta = n
    elif name == "or":
        # OR: theta = 1, I = {}
        theta = 1
    elif name == "nor":
        # NOR: theta = 0, I = {1, ..., n}
        theta = 0
        for i in range(1, n + 1):
            I[i] = True
    elif name == "not":
        # NOT: theta = 0, I = {1}
        theta = 0
        I[0] = True
    else:
        # x1 AND NOT x2: theta = 1, I = {2}
        theta = 1
        I[1] = True
    return theta, I
