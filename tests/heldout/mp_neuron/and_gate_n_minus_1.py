"""heldout: AND gate threshold set to n - 1"""

import numpy as np

from reference.mp_neuron import *  # noqa: F403


def mp_gate(name, n):
    if name == "and":
        return n - 1, np.zeros(n, dtype=bool)
    return _ref_gate(name, n)

from reference.mp_neuron import mp_gate as _ref_gate
