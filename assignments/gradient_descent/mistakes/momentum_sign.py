"""the step goes uphill (w ← w + lr·v)"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def momentum_step(w, g, v, lr, mu):
    v = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) + lr * v, v


FIX = "descend: w ← w − lr·v"
