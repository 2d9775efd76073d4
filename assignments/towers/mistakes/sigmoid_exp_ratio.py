"""σ was written as e^{z}/(1 + e^{z}), which overflows to inf/inf = NaN for large z

sigmoid computes np.exp(z) / (1 + np.exp(z)) for every z: right for moderate z, NaN at z = 1e4."""

import numpy as np

from reference.towers import *  # noqa: F403


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        ez = np.exp(z)
        s = ez / (1.0 + ez)
    return float(s) if s.ndim == 0 else s


FIX = "use e^(−|z|): 1/(1 + e^(−z)) for z ≥ 0 and e^z/(1 + e^z) for z < 0"
