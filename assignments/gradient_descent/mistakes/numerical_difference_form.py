"""the numerical derivative is ({num}) / {den} (it must be (f(x + h) − f(x − h)) / 2h)

A family (grader.run.catalogue: PARAMS): the central difference with a step lost (x[i] −= h
after the plus step brings x back to x, not to x − h), a step doubled, or the wrong divisor."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403

PARAMS = {
    "num": {"f(x + h) − f(x)": (1, 0), "f(x) − f(x − h)": (0, -1),
            "f(x + h) − f(x − h)": (1, -1), "f(x + h) − f(x − 2h)": (1, -2),
            "f(x + 2h) − f(x)": (2, 0), "f(x − h) − f(x + h)": (-1, 1)},
    "den": {"2h": 2.0, "h": 1.0, "4h": 4.0},
}
num = (1, 0)
den = 2.0


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    g = np.zeros_like(x)
    plus, minus = num
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + plus * h
        f_plus = float(f(x))
        x[i] = old + minus * h
        f_minus = float(f(x))
        x[i] = old
        g[i] = (f_plus - f_minus) / (den * h)
    return g


FIX = "g[i] = (f(x + h e_i) − f(x − h e_i)) / (2h), restoring x[i] after each evaluation"
