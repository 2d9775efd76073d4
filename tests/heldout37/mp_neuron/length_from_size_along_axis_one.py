"""The number of inputs is taken as np.size(x, 1), MATLAB's size(x, 2) for a row vector.

x is a 1-D numpy array, which has no axis 1: np.size(x, 1) raises an IndexError for every call of mp_neuron.

Mistake in mp_neuron (written from correct_matlab.py).
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    """Returns 1 iff no inhibitory input is 1 and the excitatory sum reaches theta."""
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a vector")
    n = np.size(x, 1)
    for i in range(1, n + 1):
        if x[i - 1] not in (0, 1):
            raise ValueError("x must hold only zeros and ones")
    if inhibitory is None:
        inh = np.zeros(n, dtype=bool)
    else:
        inh = np.asarray(inhibitory, dtype=bool)
    if inh.ndim != 1 or inh.shape[0] != n:
        raise ValueError("x and inhibitory must have the same length")
    excitatory = np.zeros(n)
    for i in range(1, n + 1):
        if inh[i - 1]:
            if x[i - 1] == 1:
                return 0
        else:
            excitatory[i - 1] = x[i - 1]
    total = np.sum(excitatory)
    if total >= theta:
        return 1
    return 0


def mp_gate(name, n):
    """Returns (theta, inhibitory) so that mp_neuron computes the gate on n inputs."""
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError("n must be a positive integer")
    inh = np.zeros(n, dtype=bool)
    if name == "and":
        theta = n
    elif name == "or":
        theta = 1
    elif name == "nor":
        theta = 0
        for i in range(1, n + 1):
            inh[i - 1] = True
    elif name == "not":
        if n != 1:
            raise ValueError("not takes one input")
        theta = 0
        inh[1 - 1] = True
    elif name == "and_not":
        if n != 2:
            raise ValueError("and_not takes two inputs")
        theta = 1
        inh[2 - 1] = True
    else:
        raise ValueError("unknown gate " + str(name))
    return theta, inh
