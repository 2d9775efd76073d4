"""the sigmoid is mirrored for z ≥ 0 (the stable branch for positive z uses e^{+z})

The same mistake written per element with math.exp: 1/(1 + math.exp(z)) for z ≥ 0, which also
raises OverflowError for z ≳ 710 (math.exp does not return inf as np.exp does)."""

import math

import numpy as np

from reference.towers import *  # noqa: F403


def _sig(v):
    if v >= 0:
        return 1.0 / (1.0 + math.exp(v))
    e = math.exp(v)
    return e / (1.0 + e)


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    s = np.array([_sig(float(v)) for v in z.ravel()], dtype=np.float64).reshape(z.shape)
    return float(s) if s.ndim == 0 else s


FIX = "for z ≥ 0 use 1/(1 + e^(−z)) (math.exp(-z)); only z < 0 needs e^z/(1 + e^z)"
