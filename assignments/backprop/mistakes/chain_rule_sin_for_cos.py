"""the derivative of sin was taken as sin instead of cos

chain_rule_example returns e^{sin(x²)}·sin(x²)·2x: d/du sin u = cos u."""

import numpy as np

from reference.backprop import *  # noqa: F403


def chain_rule_example(x):
    x = float(x)
    f = float(np.exp(np.sin(x**2)))
    return f, f * float(np.sin(x**2)) * 2.0 * x


FIX = "in chain_rule_example d/du sin(u) = cos(u): use np.cos(x**2)"
