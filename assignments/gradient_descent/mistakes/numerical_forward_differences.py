"""forward differences

numerical_gradient uses (f(x + h·e_i) − f(x))/h: error O(h) instead of O(h²)."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    f0 = f(x)
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        g[i] = (f(x) - f0) / h
        x[i] = old
    return g


FIX = "use (f(x + h) − f(x − h)) / (2h)"
