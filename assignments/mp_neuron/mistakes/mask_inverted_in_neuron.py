"""the inhibitory mask is read inverted in mp_neuron (True taken as excitatory)"""

import numpy as np

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_neuron as _mp_neuron


def mp_neuron(x, theta, inhibitory=None):
    if inhibitory is None:
        return _mp_neuron(x, theta)
    return _mp_neuron(x, theta, ~np.asarray(inhibitory, dtype=bool))


FIX = "inhibitory[i] == True marks x[i] as a veto: sum x[~inhibitory], veto on x[inhibitory]"
