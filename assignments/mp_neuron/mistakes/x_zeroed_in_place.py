"""x was modified in place: the inhibitory entries of the caller's x were set to 0

`x = np.asarray(x)` does not copy, so `x[inhibitory] = 0` writes into the caller's array."""

import numpy as np

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_neuron as _mp_neuron


def mp_neuron(x, theta, inhibitory=None):
    fires = _mp_neuron(x, theta, inhibitory)  # the checks, and the right value
    x = np.asarray(x)
    if inhibitory is not None:
        x[np.asarray(inhibitory, dtype=bool)] = 0
    return fires


FIX = "do not assign into x: sum x[~inhibitory] (or work on x.copy()) to leave the caller's x alone"
