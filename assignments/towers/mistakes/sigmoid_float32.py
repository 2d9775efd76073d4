"""σ computed in float32 (a dtype downcast)"""

import numpy as np

from reference.towers import *  # noqa: F403


def sigmoid(z):
    z = np.asarray(z, dtype=np.float32)
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return float(s) if s.ndim == 0 else s


FIX = "compute in float64: np.asarray(z, dtype=np.float64)"
