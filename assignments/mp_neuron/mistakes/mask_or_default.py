"""the default mask is written `inhibitory or [False] * n` (an array has no truth value)

`or` asks a numpy mask of more than one entry for its truth value (ValueError), and replaces a
one-entry mask [False] by the default: it works for Python lists only."""

import numpy as np

from reference.mp_neuron import *  # noqa: F403


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a 1-D array of 0/1 inputs")
    if not np.all((x == 0) | (x == 1)):
        raise ValueError("x must hold only 0s and 1s")
    inhibitory = inhibitory or [False] * len(x)
    inh = np.asarray(inhibitory, dtype=bool)
    if inh.shape != x.shape:
        raise ValueError("inhibitory and x must have the same length")
    if np.any(x[inh] == 1):
        return 0
    return int(x[~inh].sum() >= theta)


FIX = "test for the default explicitly: `if inhibitory is None: inhibitory = [False] * n`"
