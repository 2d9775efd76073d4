"""the excitatory inputs were counted, not the ACTIVE ones (len(x[~inhibitory]) instead of its sum)"""

import numpy as np

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_neuron as _mp_neuron


def mp_neuron(x, theta, inhibitory=None):
    _mp_neuron(x, theta, inhibitory)  # the checks of x and of the mask
    x = np.asarray(x)
    mask = np.zeros(x.shape, dtype=bool) if inhibitory is None else np.asarray(inhibitory, bool)
    if np.any(x[mask] == 1):
        return 0
    return int(len(x[~mask]) >= theta)


FIX = "count the excitatory inputs that are 1: x[~inhibitory].sum() >= theta"
