"""OR was built with every input inhibitory, like NOR (it then never fires)"""

import numpy as np

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_gate as _mp_gate


def mp_gate(name, n):
    theta, inh = _mp_gate(name, n)
    return (theta, np.ones(n, dtype=bool)) if name == "or" else (theta, inh)


FIX = "OR counts its inputs: every input excitatory (mask all False) and theta = 1"
