"""theta is one too low for AND"""


from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_gate as _mp_gate


def mp_gate(name, n):
    theta, inh = _mp_gate(name, n)
    return (theta - 1, inh) if name == "and" else (theta, inh)


FIX = "AND on n inputs needs theta = n"
