"""the numerical gradient is returned flattened instead of with the shape of x

numerical_gradient loops over x.size entries of x.ravel() and returns the 1-D g."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    flat = x.reshape(-1)
    g = np.zeros(flat.size)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + h
        f_plus = float(f(x))
        flat[i] = old - h
        f_minus = float(f(x))
        flat[i] = old
        g[i] = (f_plus - f_minus) / (2 * h)
    return g


FIX = "in numerical_gradient return g with x's shape: g.reshape(x.shape)"
