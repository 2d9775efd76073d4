"""the veto fires for any inhibitory input, active or not"""

import numpy as np

from reference.mp_neuron import *  # noqa: F403


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1 or not np.all((x == 0) | (x == 1)):
        raise ValueError("x must be 0/1")
    inh = np.zeros(x.shape, dtype=bool) if inhibitory is None else np.asarray(inhibitory, bool)
    if inh.shape != x.shape:
        raise ValueError("lengths differ")
    if inh.any():
        return 0
    return int(x[~inh].sum() >= theta)


FIX = "veto only when an inhibitory input is 1: np.any(x[inhibitory] == 1)"
