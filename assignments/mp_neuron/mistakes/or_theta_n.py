"""OR was given AND's threshold theta = n (it needs theta = 1)"""

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_gate as _mp_gate


def mp_gate(name, n):
    theta, inh = _mp_gate(name, n)
    return (n, inh) if name == "or" else (theta, inh)


FIX = "OR fires when at least one input is 1: theta = 1"
