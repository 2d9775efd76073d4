"""NOR/NOT was built without inhibitory inputs (theta 0 alone always fires)"""

import numpy as np

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_gate as _mp_gate


def mp_gate(name, n):
    theta, inh = _mp_gate(name, n)
    return (theta, np.zeros(n, dtype=bool)) if name in ("nor", "not") else (theta, inh)


FIX = "mark every input inhibitory (a veto) and use theta = 0"
