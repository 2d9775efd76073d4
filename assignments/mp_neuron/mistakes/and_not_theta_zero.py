"""theta is one too low for AND-NOT (0: it also fires when x1 is 0)"""

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_gate as _mp_gate


def mp_gate(name, n):
    theta, inh = _mp_gate(name, n)
    return (0, inh) if name == "and_not" else (theta, inh)


FIX = "x1 AND NOT x2 needs x1 = 1 to fire: theta = 1"
