"""the sigmoid is mirrored for z ≥ 0 (the stable branch for positive z uses e^{+z})

sigmoid's branch for z ≥ 0 returns 1/(1 + e^{z}) = σ(−z) instead of 1/(1 + e^{−z}); the branch
for z < 0 is right, so σ jumps at 0 and falls towards 0 for large z."""

import numpy as np

from reference.towers import *  # noqa: F403


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    s = e / (1.0 + e)  # σ(−|z|): the z ≥ 0 branch is 1/(1 + e^z)
    return float(s) if s.ndim == 0 else s


FIX = "for z ≥ 0 use 1/(1 + e^(−z)); only z < 0 needs e^z/(1 + e^z)"
