"""theta is one too low

mp_gate("or", n) returns theta = 0, so the neuron also fires when every input is 0."""

from reference import mp_neuron as _ref
from reference.mp_neuron import *  # noqa: F403


def mp_gate(name, n):
    theta, inhibitory = _ref.mp_gate(name, n)
    return (0, inhibitory) if name == "or" else (theta, inhibitory)


FIX = "OR fires when at least one input is 1: theta = 1"
