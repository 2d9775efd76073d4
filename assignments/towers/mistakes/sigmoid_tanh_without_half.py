"""σ was written as (1 + tanh(z))/2 without halving z (σ(z) = (1 + tanh(z/2))/2)"""

import numpy as np

from reference.towers import *  # noqa: F403


def sigmoid(z):
    out = 0.5 * (1.0 + np.tanh(np.asarray(z, dtype=np.float64)))
    return float(out) if out.ndim == 0 else out


FIX = "σ(z) = (1 + tanh(z/2))/2: halve z inside tanh"
