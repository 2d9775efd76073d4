"""the gradient of W3 is W3 itself instead of [x1; x2]

dag_forward_backward returns grads["W3"] = W3: the derivative of W3·z with respect to W3 is z."""

import numpy as np

from reference import backprop as _ref
from reference.backprop import *  # noqa: F403


def dag_forward_backward(x0, W1, W2, W3):
    x3, grads = _ref.dag_forward_backward(x0, W1, W2, W3)
    grads["W3"] = np.array(W3, dtype=np.float64)
    return x3, grads


FIX = "in dag_forward_backward ∂x3/∂W3 = [x1; x2], the vector W3 multiplies"
