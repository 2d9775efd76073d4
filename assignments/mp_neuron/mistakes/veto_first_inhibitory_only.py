"""only the first inhibitory input can veto (the others are ignored)"""

import numpy as np

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_neuron as _mp_neuron


def mp_neuron(x, theta, inhibitory=None):
    _mp_neuron(x, theta, inhibitory)  # the checks of x and of the mask
    x = np.asarray(x)
    mask = np.zeros(x.shape, dtype=bool) if inhibitory is None else np.asarray(inhibitory, bool)
    if mask.any() and x[np.argmax(mask)] == 1:
        return 0
    return int(x[~mask].sum() >= theta)


FIX = "every inhibitory input vetoes: if np.any(x[inhibitory] == 1): return 0"
