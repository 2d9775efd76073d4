"""Logic slip in the firing rule: `or` where `and` is meant, so the neuron fires whenever it is not vetoed (whatever the threshold) and also when vetoed if the count reaches theta.

Graded function: mp_neuron. Edited from correct_numpy.py.
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    x = np.array(x, dtype=np.float64)
    if x.ndim != 1 or not np.isin(x, (0.0, 1.0)).all():
        raise ValueError("x must be a 1-D array of 0/1 values")
    inh = np.zeros(x.size, dtype=bool) if inhibitory is None else np.array(inhibitory, dtype=bool)
    if inh.shape != x.shape:
        raise ValueError("inhibitory and x must have the same length")
    excit = (~inh).astype(np.float64)
    veto = np.dot(inh.astype(np.float64), x) > 0
    fire = (not veto) or np.dot(excit, x) >= theta
    return int(fire)


_GATES = {
    "and": lambda n: (n, np.zeros(n, dtype=bool)),
    "or": lambda n: (1, np.zeros(n, dtype=bool)),
    "nor": lambda n: (0, np.ones(n, dtype=bool)),
    "not": lambda n: (0, np.ones(1, dtype=bool)),
    "and_not": lambda n: (1, np.array([False, True])),
}


def mp_gate(name, n):
    if name not in _GATES:
        raise ValueError(f"unknown gate {name}")
    if (name == "not" and n != 1) or (name == "and_not" and n != 2):
        raise ValueError(f"wrong number of inputs for {name}: {n}")
    return _GATES[name](n)
