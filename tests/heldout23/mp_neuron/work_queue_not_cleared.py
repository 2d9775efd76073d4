"""(deque) The module-level work queue is not cleared at the start of a call: when a call returns
early on a veto, the inputs behind the vetoing one stay in the queue and are drained first by
the NEXT call, whose veto and count then include another call's inputs (a leftover active
inhibitory input vetoes it, leftover active excitatory inputs add to its count).

One mistake in `mp_neuron`, written from correct_deque.py.
"""

from collections import deque

import numpy as np

GATES = ("and", "or", "nor", "not", "and_not")
_QUEUE = deque()                 # work queue of (value, is_inhibitory), reused between calls


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D array of 0/1 inputs, got shape {x.shape}")
    n = x.shape[0]
    if inhibitory is None:
        flags = np.zeros(n, dtype=bool)
    else:
        flags = np.asarray(inhibitory, dtype=bool)
        if flags.shape != x.shape:
            raise ValueError(f"inhibitory has shape {flags.shape} but x has shape {x.shape}")
    values = deque()
    for v in x.tolist():
        values.append(v)
    if values.count(0) + values.count(1) != n:
        raise ValueError("x must hold only 0s and 1s")
    _QUEUE.extend(zip(values, flags.tolist()))
    fired = deque(maxlen=n)
    while _QUEUE:
        value, is_inhibitory = _QUEUE.popleft()
        if is_inhibitory and value == 1:
            return 0                                     # absolute veto
        if not is_inhibitory and value == 1:
            fired.append(value)
    return int(len(fired) >= theta)


def mp_gate(name, n):
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}; known gates: {', '.join(GATES)}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if name == "not" and n != 1:
        raise ValueError(f"'not' takes n == 1 input, got n = {n}")
    if name == "and_not" and n != 2:
        raise ValueError(f"'and_not' takes n == 2 inputs, got n = {n}")
    window = deque([False] * n, maxlen=n)
    if name == "and":
        theta = n
    elif name == "or":
        theta = 1
    elif name in ("nor", "not"):
        theta = 0
        window.extend([True] * n)
    else:
        theta = 1
        window.append(True)                              # push x2's veto in at the right
    return theta, np.array(window, dtype=bool)
