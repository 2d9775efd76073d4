"""the velocity convention v ← mu·v − lr·g

momentum_step keeps v ← mu·v − lr·g and w ← w + v: the same runs from v = 0, but a different v."""

from reference.gradient_descent import *  # noqa: F403


def momentum_step(w, g, v, lr, mu):
    v = mu * v - lr * g
    return w + v, v


FIX = "use v ← mu·v + g and w ← w − lr·v"
