"""the inhibitory mask was modified in place: its inactive entries were cleared in the caller's mask

`mask = np.asarray(inhibitory, dtype=bool)` does not copy a boolean array, so
`mask &= x == 1` (keeping the active inhibitory inputs) writes into the caller's mask."""

import numpy as np

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_neuron as _mp_neuron


def mp_neuron(x, theta, inhibitory=None):
    fires = _mp_neuron(x, theta, inhibitory)  # the checks, and the right value
    if inhibitory is not None:
        mask = np.asarray(inhibitory, dtype=bool)
        mask &= np.asarray(x) == 1
    return fires


FIX = "do not assign into inhibitory: compute the active vetoes as a new array, x[inhibitory] == 1"
