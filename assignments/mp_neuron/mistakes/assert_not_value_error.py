"""the input checks use `assert` (AssertionError) instead of raising ValueError"""

import numpy as np

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_neuron as _mp_neuron


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    assert x.ndim == 1 and np.all((x == 0) | (x == 1)), "x must hold only 0s and 1s"
    if inhibitory is not None:
        assert np.shape(inhibitory) == x.shape, "inhibitory and x differ in length"
    return _mp_neuron(x, theta, inhibitory)


FIX = "raise ValueError(...) for bad inputs: an assert raises AssertionError (and vanishes under -O)"
