"""an input array was modified in place

numerical_gradient perturbs the caller's x and never puts the old value back."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def numerical_gradient(f, x, h=1e-5):
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        f_plus = f(x)
        x[i] = old - h
        g[i] = (f_plus - f(x)) / (2 * h)
    return g


FIX = "perturb a copy of x (np.array(x, dtype=float)) and restore each entry"
