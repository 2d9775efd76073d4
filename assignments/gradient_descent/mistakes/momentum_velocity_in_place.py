"""an input array was modified in place

momentum_step updates the velocity in place (v *= mu; v += g) and returns it: the values are
right, but the caller's v changes."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def momentum_step(w, g, v, lr, mu):
    v = np.asarray(v, dtype=np.float64)
    v *= mu
    v += np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) - lr * v, v


FIX = "in momentum_step build a new v: v = mu*v + g, not v *= mu"
