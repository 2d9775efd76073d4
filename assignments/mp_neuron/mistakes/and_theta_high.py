"""theta is one too high for AND (n + 1: the neuron never fires)"""

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_gate as _mp_gate


def mp_gate(name, n):
    theta, inh = _mp_gate(name, n)
    return (theta + 1, inh) if name == "and" else (theta, inh)


FIX = "AND on n inputs needs theta = n"
