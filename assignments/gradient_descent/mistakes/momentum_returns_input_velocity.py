"""the velocity that was passed in is returned instead of the new one

momentum_step steps w with the new velocity μ·v + g but returns the v it was given."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def momentum_step(w, g, v, lr, mu):
    v = np.asarray(v, dtype=np.float64)
    v_new = mu * v + np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) - lr * v_new, v


FIX = "in momentum_step return the new velocity: (w, mu*v + g)"
