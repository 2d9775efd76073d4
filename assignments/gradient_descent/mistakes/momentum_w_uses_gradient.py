"""w is stepped with the gradient, not the velocity (w ← w − lr·g)

momentum_step updates v ← mu·v + g correctly but then steps w ← w − lr·g, so the momentum never
reaches the parameters."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def momentum_step(w, g, v, lr, mu):
    g = np.asarray(g, dtype=np.float64)
    v = mu * np.asarray(v, dtype=np.float64) + g
    return np.asarray(w, dtype=np.float64) - lr * g, v


FIX = "in momentum_step step with the new velocity: w ← w − lr·v"
