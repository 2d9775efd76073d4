"""backward differences (f(x) − f(x − h))/h instead of central ones

numerical_gradient compares f at x and at x − h·e_i only: one-sided, error O(h)."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    f0 = float(f(x))
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old - h
        g[i] = (f0 - float(f(x))) / h
        x[i] = old
    return g


FIX = "use central differences: (f(x + h·e_i) − f(x − h·e_i)) / (2h)"
