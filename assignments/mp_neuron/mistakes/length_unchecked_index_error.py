"""the lengths of x and inhibitory were not compared (x[inhibitory] then raises IndexError)"""

import numpy as np

from reference.mp_neuron import *  # noqa: F403


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1 or not np.all((x == 0) | (x == 1)):
        raise ValueError("x must be a 1-D array of 0/1")
    mask = np.zeros(x.shape, dtype=bool) if inhibitory is None else np.asarray(inhibitory, bool)
    if np.any(x[mask] == 1):
        return 0
    return int(x[~mask].sum() >= theta)


FIX = "raise ValueError when len(inhibitory) != len(x), before indexing x with the mask"
