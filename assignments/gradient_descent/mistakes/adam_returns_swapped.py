"""(w, v, m) was returned instead of (w, m, v)"""

from reference.gradient_descent import *  # noqa: F403
from reference.gradient_descent import adam_step as _adam_step


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    w, m, v = _adam_step(w, g, m, v, t, lr, beta1, beta2, eps)
    return w, v, m


FIX = "return (w, m, v) in that order"
