"""the AND-NOT mask marks x1 as inhibitory instead of x2"""

import numpy as np

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_gate as _mp_gate


def mp_gate(name, n):
    theta, inhibitory = _mp_gate(name, n)
    if name == "and_not":
        return theta, np.array([True, False])
    return theta, inhibitory


FIX = "x1 AND NOT x2: x2 is the inhibitory input (mask [False, True])"
