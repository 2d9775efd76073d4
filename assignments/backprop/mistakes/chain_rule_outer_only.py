"""the derivative of e^{sin(x²)} stops at cos (the factor e^{sin(x²)} is missing)"""

import numpy as np

from reference.backprop import *  # noqa: F403


def chain_rule_example(x):
    value = float(np.exp(np.sin(x * x)))
    return value, float(np.cos(x * x) * 2 * x)


FIX = "multiply the three local derivatives: e^{sin(x²)} · cos(x²) · 2x"
