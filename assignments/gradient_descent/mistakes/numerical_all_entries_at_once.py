"""every entry is perturbed at once (f(x + h) − f(x − h)) instead of one entry at a time"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    g = np.empty_like(x)
    g[...] = (float(f(x + h)) - float(f(x - h))) / (2 * h)
    return g


FIX = "perturb one entry i at a time: x + h·e_i, x − h·e_i"
