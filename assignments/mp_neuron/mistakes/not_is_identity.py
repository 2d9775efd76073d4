"""NOT was built as x1 itself (theta 1, x1 excitatory) instead of a veto with theta 0"""

import numpy as np

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_gate as _mp_gate


def mp_gate(name, n):
    if name == "not":
        _mp_gate(name, n)  # the checks of n
        return 1, np.zeros(1, dtype=bool)
    return _mp_gate(name, n)


FIX = "NOT x1 fires only when x1 is 0: make x1 inhibitory and use theta = 0"
