"""σ overflows for large negative z (the stable branch is used the wrong way round)

sigmoid uses 1/(1 + e^{−z}) for z < 0 and e^{z}/(1 + e^{z}) for z ≥ 0: the values are right for
moderate z, but e^{−z} overflows at z = −1e4 and e^{z}/(1 + e^{z}) is inf/inf = NaN at 1e4."""

import numpy as np

from reference.towers import *  # noqa: F403


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        ez = np.exp(z)
        s = np.where(z >= 0, ez / (1.0 + ez), 1.0 / (1.0 + np.exp(-z)))
    return float(s) if s.ndim == 0 else s


FIX = "use e^(−|z|): 1/(1 + e^(−z)) for z ≥ 0 and e^z/(1 + e^z) for z < 0"
