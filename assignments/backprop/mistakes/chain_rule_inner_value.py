"""the inner derivative of x² was taken as x² itself (the value where its derivative 2x belongs)"""

import numpy as np

from reference.backprop import *  # noqa: F403


def chain_rule_example(x):
    u = float(x) ** 2
    f = float(np.exp(np.sin(u)))
    return f, f * float(np.cos(u)) * u


FIX = "multiply by the derivative of the inner function, d/dx x² = 2x, not by its value x²"
