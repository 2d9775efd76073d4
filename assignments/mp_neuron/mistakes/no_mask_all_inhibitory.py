"""with no mask (inhibitory=None) every input was taken as inhibitory instead of excitatory"""

import numpy as np

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_neuron as _mp_neuron


def mp_neuron(x, theta, inhibitory=None):
    if inhibitory is None:
        inhibitory = np.ones(np.shape(x), dtype=bool)
    return _mp_neuron(x, theta, inhibitory)


FIX = "inhibitory=None means no inhibitory inputs: np.zeros(len(x), dtype=bool)"
