"""central differences divided by h instead of 2h (the gradient is doubled)"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403
from reference.gradient_descent import numerical_gradient as _numerical_gradient


def numerical_gradient(f, x, h=1e-5):
    return 2.0 * np.asarray(_numerical_gradient(f, x, h))


FIX = "(f(x + h·e_i) − f(x − h·e_i)) / (2h): the two points are 2h apart"
