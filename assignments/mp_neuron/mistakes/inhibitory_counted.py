"""inhibitory inputs were counted as excitatory (no veto)

mp_neuron ignores the mask: it fires when the sum of ALL inputs reaches theta."""

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_neuron as _mp_neuron


def mp_neuron(x, theta, inhibitory=None):
    _mp_neuron(x, theta, inhibitory)  # the checks of x and of the mask
    return _mp_neuron(x, theta)


FIX = "an active inhibitory input vetoes the output: return 0 before summing"
