"""x was converted to int before the 0/1 check (0.5 passes as 0)"""

import numpy as np

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_neuron as _mp_neuron


def mp_neuron(x, theta, inhibitory=None):
    return _mp_neuron(np.asarray(x).astype(int), theta, inhibitory)


FIX = "check the values as given: np.all((x == 0) | (x == 1)) before any conversion"
