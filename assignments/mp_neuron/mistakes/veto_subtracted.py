"""the inhibitory input is not an absolute veto

An active inhibitory input subtracts 1 from the sum instead of vetoing the output."""

import numpy as np

from reference.mp_neuron import *  # noqa: F403


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1 or not np.all((x == 0) | (x == 1)):
        raise ValueError("x must be a 1-D array of 0/1")
    inh = np.zeros(len(x), dtype=bool) if inhibitory is None else np.asarray(inhibitory, bool)
    if inh.shape != x.shape:
        raise ValueError("lengths differ")
    return int(x[~inh].sum() - x[inh].sum() >= theta)


FIX = "return 0 as soon as any inhibitory input is 1"
