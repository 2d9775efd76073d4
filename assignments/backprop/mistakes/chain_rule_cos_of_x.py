"""the inner derivative uses cos(x) instead of cos(x²)

chain_rule_example returns f·cos(x)·2x: the derivative of sin u is cos u evaluated at u = x²."""

import numpy as np

from reference.backprop import *  # noqa: F403


def chain_rule_example(x):
    x = float(x)
    f = float(np.exp(np.sin(x**2)))
    return f, f * float(np.cos(x)) * 2.0 * x


FIX = "in chain_rule_example dv/du = cos(u) with u = x²: cos(x**2)"
