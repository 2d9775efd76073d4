"""theta is one too high for AND-NOT (2: x2 is a veto, only x1 is counted)"""

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_gate as _mp_gate


def mp_gate(name, n):
    theta, inh = _mp_gate(name, n)
    return (2, inh) if name == "and_not" else (theta, inh)


FIX = "x1 AND NOT x2: x2 vetoes and x1 alone must reach theta, so theta = 1"
