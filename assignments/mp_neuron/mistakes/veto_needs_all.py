"""the veto needs ALL inhibitory inputs to be 1; one active inhibitory input must already force 0"""

import numpy as np

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_neuron as _mp_neuron


def mp_neuron(x, theta, inhibitory=None):
    _mp_neuron(x, theta, inhibitory)  # the checks of x and of the mask
    mask = np.zeros(len(x), dtype=bool) if inhibitory is None else np.asarray(inhibitory, bool)
    x = np.asarray(x)
    if mask.any() and np.all(x[mask] == 1):
        return 0
    return int(x[~mask].sum() >= theta)


FIX = "veto when ANY inhibitory input is 1: if np.any(x[inhibitory] == 1): return 0"
