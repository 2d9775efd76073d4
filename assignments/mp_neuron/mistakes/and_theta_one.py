"""AND was given OR's threshold theta = 1 (it needs theta = n)"""

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_gate as _mp_gate


def mp_gate(name, n):
    theta, inh = _mp_gate(name, n)
    return (1, inh) if name == "and" else (theta, inh)


FIX = "AND fires only when all n inputs are 1: theta = n"
