"""the velocity is an average v ← μ·v + (1 − μ)·g instead of v ← μ·v + g"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def momentum_step(w, g, v, lr, mu):
    v = mu * np.asarray(v, dtype=np.float64) + (1 - mu) * np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) - lr * v, v


FIX = "v ← mu·v + g (no 1 − mu factor on g)"
