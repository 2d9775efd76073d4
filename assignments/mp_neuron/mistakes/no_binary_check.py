"""inputs other than 0/1 were accepted

mp_neuron never checks that x holds only 0s and 1s."""

import numpy as np

from reference.mp_neuron import *  # noqa: F403


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    inh = np.zeros(len(x), dtype=bool) if inhibitory is None else np.asarray(inhibitory, bool)
    if inh.shape != x.shape:
        raise ValueError("lengths differ")
    if np.any(x[inh] == 1):
        return 0
    return int(x[~inh].sum() >= theta)


FIX = "raise ValueError unless every entry of x is 0 or 1"
