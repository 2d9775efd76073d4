"""numerical gradients in float32"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float32)
    g = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h; fp = float(f(x))
        x[i] = old - h; fm = float(f(x))
        x[i] = old
        g[i] = (fp - fm) / (2 * h)
    return g


FIX = "perturb a float64 copy: np.array(x, dtype=np.float64)"
