"""mp_gate returns (inhibitory, theta) instead of (theta, inhibitory)"""

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_gate as _mp_gate


def mp_gate(name, n):
    theta, inhibitory = _mp_gate(name, n)
    return inhibitory, theta


FIX = "return theta first: return theta, inhibitory"
