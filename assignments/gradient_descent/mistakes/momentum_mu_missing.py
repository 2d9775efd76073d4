"""μ was left out of the velocity update (v ← v + g)"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def momentum_step(w, g, v, lr, mu):
    v = np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) - lr * v, v


FIX = "v ← μ·v + g: the old velocity is scaled by μ"
