"""the veto fires when an inhibitory input is 0 instead of 1"""

import numpy as np

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_neuron as _mp_neuron


def mp_neuron(x, theta, inhibitory=None):
    _mp_neuron(x, theta, inhibitory)  # the checks of x and of the mask
    x = np.asarray(x)
    mask = np.zeros(x.shape, dtype=bool) if inhibitory is None else np.asarray(inhibitory, bool)
    if np.any(x[mask] == 0):
        return 0
    return int(x[~mask].sum() >= theta)


FIX = "an inhibitory input vetoes when it is ACTIVE: if np.any(x[inhibitory] == 1): return 0"
