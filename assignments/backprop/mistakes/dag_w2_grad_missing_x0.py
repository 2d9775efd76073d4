"""the gradient of W2 uses x1 alone instead of the stacked input [x0; x1]

dag_forward_backward builds ∂x3/∂W2 as the outer product of δ2 with [0; x1], dropping the x0
columns (x2's input is [x0; x1])."""

import numpy as np

from reference import backprop as _ref
from reference.backprop import *  # noqa: F403


def dag_forward_backward(x0, W1, W2, W3):
    x3, grads = _ref.dag_forward_backward(x0, W1, W2, W3)
    d0 = np.asarray(x0).shape[0]
    grads["W2"] = grads["W2"].copy()
    grads["W2"][:, :d0] = 0.0
    return x3, grads


FIX = "in dag_forward_backward ∂x3/∂W2 = outer(δ2, [x0; x1]): all d0 + d1 columns"
