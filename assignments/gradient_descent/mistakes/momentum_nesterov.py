"""a Nesterov step was taken instead of plain momentum (w ← w − lr·(g + mu·v))

momentum_step updates v ← mu·v + g and then steps w ← w − lr·(g + mu·v), torch's nesterov=True."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def momentum_step(w, g, v, lr, mu):
    g = np.asarray(g, dtype=np.float64)
    v = mu * np.asarray(v, dtype=np.float64) + g
    return np.asarray(w, dtype=np.float64) - lr * (g + mu * v), v


FIX = "plain (heavy-ball) momentum steps w ← w − lr·v with the new v"
