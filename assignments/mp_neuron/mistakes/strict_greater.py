"""`>` was used instead of `>=`

mp_neuron fires only when the excitatory sum EXCEEDS theta: equality does not fire."""

import numpy as np

from reference.mp_neuron import *  # noqa: F403


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1 or not np.all((x == 0) | (x == 1)):
        raise ValueError("x must be a 1-D array of 0/1")
    inh = np.zeros(len(x), dtype=bool) if inhibitory is None else np.asarray(inhibitory, bool)
    if inh.shape != x.shape:
        raise ValueError("lengths differ")
    if np.any(x[inh] == 1):
        return 0
    return int(x[~inh].sum() > theta)


FIX = "mp_neuron fires when the count of active excitatory inputs reaches theta: count >= theta"
