"""x given as floats (0.0/1.0) was rejected: the 0/1 check looks at x's dtype instead of its values"""

import numpy as np

from reference.mp_neuron import *  # noqa: F403
from reference.mp_neuron import mp_neuron as _mp_neuron


def mp_neuron(x, theta, inhibitory=None):
    if np.asarray(x).dtype.kind not in "iu":
        raise ValueError("x must be an integer array of 0/1")
    return _mp_neuron(x, theta, inhibitory)


FIX = "check the values, not the dtype: np.all((x == 0) | (x == 1)) accepts 0.0/1.0 and bools"
