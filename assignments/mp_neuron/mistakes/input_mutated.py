"""an input array was modified in place

The veto is detected by negating the inhibitory inputs of x in place."""

import numpy as np

from reference.mp_neuron import *  # noqa: F403


def mp_neuron(x, theta, inhibitory=None):
    if not isinstance(x, np.ndarray):
        x = np.asarray(x)
    if x.ndim != 1 or not np.all((x == 0) | (x == 1)):
        raise ValueError("x must be a 1-D array of 0/1")
    inh = np.zeros(len(x), dtype=bool) if inhibitory is None else np.asarray(inhibitory, bool)
    if inh.shape != x.shape:
        raise ValueError("lengths differ")
    x[inh] = -x[inh]
    if x.min() < 0:
        return 0
    return int(x.sum() >= theta)


FIX = "do not assign into x or inhibitory; work on copies"
