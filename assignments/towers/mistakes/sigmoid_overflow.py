"""σ overflows for large |z|

sigmoid written as 1/(1 + np.exp(−z)): np.exp(1e4) overflows (a RuntimeWarning, an error when
warnings are errors)."""

import numpy as np

from reference.towers import *  # noqa: F403


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=np.float64)))


FIX = "use e^(−|z|) and pick the form by the sign of z so exp never overflows"
