"""mp_gate('{gate}') gives theta {k:+g} from the right one

A family (grader.run.catalogue: PARAMS): one gate's threshold off by one or two (AND needs
θ = n, OR θ = 1, NOR and NOT θ = 0, x1 AND NOT x2 θ = 1)."""

import numpy as np

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_gate as _mp_gate

PARAMS = {"gate": ("and", "or", "nor", "not", "and_not"), "k": (-1, 1, -2, 2, 0.5, -0.5)}
gate = "and_not"
k = 2  # the default (no one-mistake file has it: one of those would be named instead)


def mp_gate(name, n):
    theta, inhibitory = _mp_gate(name, n)
    return (theta + k if name == gate else theta), np.asarray(inhibitory)


FIX = "AND: θ = n; OR: θ = 1; NOR and NOT: θ = 0 with every input inhibitory; AND-NOT: θ = 1"
