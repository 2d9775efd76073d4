"""the velocity is kept with the opposite sign (v ← mu·v − g, w ← w + lr·v)

momentum_step stores v ← mu·v − g and steps w ← w + lr·v: w is right, but the returned velocity
is the negative of torch's (v ← mu·v + g)."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def momentum_step(w, g, v, lr, mu):
    v = mu * np.asarray(v, dtype=np.float64) - np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) + lr * v, v


FIX = "in momentum_step keep v ← mu·v + g and step w ← w − lr·v (return that v)"
