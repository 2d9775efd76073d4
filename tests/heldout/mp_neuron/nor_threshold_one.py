"""heldout: NOR gate with threshold 1 instead of 0"""

import numpy as np

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_gate as _ref_gate


def mp_gate(name, n):
    if name == "nor":
        return 1, np.ones(n, dtype=bool)
    return _ref_gate(name, n)
