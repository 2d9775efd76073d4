"""the sigmoid is mirrored for z < 0 (the stable branch for negative z is 1/(1 + e^{z}))

sigmoid's branch for z < 0 returns 1/(1 + e^{z}) = σ(−z) instead of e^{z}/(1 + e^{z}); the branch
for z ≥ 0 is right, so σ(z) ≥ ½ everywhere."""

import numpy as np

from reference.towers import *  # noqa: F403


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    s = 1.0 / (1.0 + e)  # σ(|z|): the z < 0 branch is 1/(1 + e^z)
    return float(s) if s.ndim == 0 else s


FIX = "for z < 0 use e^z/(1 + e^z) (that is σ(z), not σ(−z))"
