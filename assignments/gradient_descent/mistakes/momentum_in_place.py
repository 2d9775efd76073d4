"""an input array was modified in place

momentum_step updates w and v with -= and *= on the arrays it was given."""

from reference.gradient_descent import *  # noqa: F403


def momentum_step(w, g, v, lr, mu):
    v *= mu
    v += g
    w -= lr * v
    return w, v


FIX = "compute new arrays (v = mu*v + g) instead of v *= ... / w -= ..."
