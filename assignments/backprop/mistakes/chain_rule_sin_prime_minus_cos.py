"""the derivative of sin was taken as −cos"""

import numpy as np

from reference.backprop import *  # noqa: F403


def chain_rule_example(x):
    u = float(x) ** 2
    f = float(np.exp(np.sin(u)))
    return f, f * -np.cos(u) * 2.0 * float(x)


FIX = "d/du sin(u) = cos(u)"
