"""a hard step (1 where z >= 0, else 0) was returned instead of the smooth σ"""

import numpy as np

from reference.towers import *  # noqa: F403


def sigmoid(z):
    out = (np.asarray(z, dtype=np.float64) >= 0).astype(np.float64)
    return float(out) if out.ndim == 0 else out


FIX = "σ(z) = 1/(1 + e^(−z)) is smooth: σ(0) = 1/2"
