"""theta is one too high for NOR/NOT"""


from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_gate as _mp_gate


def mp_gate(name, n):
    theta, inh = _mp_gate(name, n)
    return (theta + 1, inh) if name in ("nor", "not") else (theta, inh)


FIX = "NOR and NOT fire when no input is 1: theta = 0"
