"""missing the inner derivative 2x

chain_rule_example returns e^{sin x²}·cos(x²), forgetting the derivative of x²."""

import numpy as np

from reference.backprop import *  # noqa: F403


def chain_rule_example(x):
    value = np.exp(np.sin(x**2))
    return value, value * np.cos(x**2)


FIX = "multiply by the inner derivative d(x²)/dx = 2x"
