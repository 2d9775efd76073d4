"""w is stepped with the old velocity (w ← w − lr·v before v is updated)"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def momentum_step(w, g, v, lr, mu):
    v = np.asarray(v, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64) - lr * v
    return w, mu * v + np.asarray(g, dtype=np.float64)


FIX = "update v first (v ← mu·v + g), then w ← w − lr·v with the new v"
