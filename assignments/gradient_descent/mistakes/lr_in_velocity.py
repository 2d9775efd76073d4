"""the learning rate is folded into the velocity (v ← mu·v + lr·g, w ← w − v)"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def momentum_step(w, g, v, lr, mu):
    v = mu * np.asarray(v, dtype=np.float64) + lr * np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) - v, v


FIX = "v ← mu·v + g, then w ← w − lr·v"
