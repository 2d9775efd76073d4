"""the lengths of x and inhibitory were not compared

zip() silently truncates to the shorter of x and inhibitory."""

import numpy as np

from reference.mp_neuron import *  # noqa: F403


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1 or not np.all((x == 0) | (x == 1)):
        raise ValueError("x must be a 1-D array of 0/1")
    if inhibitory is None:
        inhibitory = [False] * len(x)
    total = 0
    for xi, inh in zip(x, inhibitory):  # noqa: B905
        if inh and xi == 1:
            return 0
        if not inh:
            total += xi
    return int(total >= theta)


FIX = "raise ValueError when len(inhibitory) != len(x)"
