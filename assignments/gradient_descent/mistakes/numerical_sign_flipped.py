"""the difference is taken the wrong way round ((f(x − h) − f(x + h))/2h)

numerical_gradient returns the negative gradient."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        f_plus = float(f(x))
        x[i] = old - h
        f_minus = float(f(x))
        x[i] = old
        g[i] = (f_minus - f_plus) / (2 * h)
    return g


FIX = "g[i] = (f(x + h·e_i) − f(x − h·e_i)) / (2h): plus first"
