"""x was checked only for values above 1 (negative or fractional inputs pass)"""

import numpy as np

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_neuron as _mp_neuron


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if np.any(x > 1):
        raise ValueError("x must hold only 0s and 1s")
    mask = np.zeros(len(x), dtype=bool) if inhibitory is None else np.asarray(inhibitory, bool)
    _mp_neuron(np.zeros(len(x), dtype=int), theta, inhibitory)  # the length check
    if np.any(x[mask] == 1):
        return 0
    return int(x[~mask].sum() >= theta)


FIX = "accept only 0 and 1: if not np.all((x == 0) | (x == 1)): raise ValueError(...)"
