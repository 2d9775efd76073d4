"""mu multiplies the gradient instead of the old velocity (v ← v + mu·g)

momentum_step computes v ← v + mu·g, so the velocity never decays."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def momentum_step(w, g, v, lr, mu):
    v = np.asarray(v, dtype=np.float64) + mu * np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) - lr * v, v


FIX = "mu decays the old velocity: v ← mu·v + g"
