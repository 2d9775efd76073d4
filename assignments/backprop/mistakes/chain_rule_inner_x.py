"""the inner derivative of x² was taken as x instead of 2x"""

import numpy as np

from reference.backprop import *  # noqa: F403


def chain_rule_example(x):
    u = float(x) ** 2
    f = float(np.exp(np.sin(u)))
    return f, f * float(np.cos(u)) * float(x)


FIX = "d/dx x² = 2x"
