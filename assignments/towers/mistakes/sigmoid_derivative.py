"""σ′ = σ(1 − σ) was returned instead of σ"""

import numpy as np

from reference.towers import *  # noqa: F403
from reference.towers import sigmoid as _sigmoid


def sigmoid(z):
    s = np.asarray(_sigmoid(z), dtype=np.float64)
    out = s * (1 - s)
    return float(out) if out.ndim == 0 else out


FIX = "return σ(z) = 1/(1 + e^(−z)) itself"
