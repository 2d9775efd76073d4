"""the inhibitory mask is an array of 0/1 ints instead of booleans"""

import numpy as np

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_gate as _mp_gate


def mp_gate(name, n):
    theta, inh = _mp_gate(name, n)
    return theta, np.asarray(inh).astype(int)


FIX = "return np.array([...], dtype=bool): with ints, x[mask] picks positions 0 and 1 instead"
