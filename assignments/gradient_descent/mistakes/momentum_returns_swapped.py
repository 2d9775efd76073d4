"""(v, w) was returned instead of (w, v)"""

from reference.gradient_descent import *  # noqa: F403
from reference.gradient_descent import momentum_step as _momentum_step


def momentum_step(w, g, v, lr, mu):
    w, v = _momentum_step(w, g, v, lr, mu)
    return v, w


FIX = "return (w, v) in that order"
