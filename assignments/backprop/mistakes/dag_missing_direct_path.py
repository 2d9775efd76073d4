"""missing the direct x0→x2 path

dag_forward_backward backpropagates into x0 only through x1 (only one path summed)."""

import numpy as np

from reference.backprop import *  # noqa: F403


def dag_forward_backward(x0, W1, W2, W3):
    d0, d1 = len(x0), len(W1)
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = W3 @ z3
    ds2 = W3[d1:] * (1 - x2**2)
    dz2 = W2.T @ ds2
    ds1 = (W3[:d1] + dz2[d0:]) * (1 - x1**2)
    dx0 = W1.T @ ds1                        # the term dz2[:d0] is missing
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3, "x0": dx0}


FIX = "add the gradient that flows along the direct edge x0→x2 to dx0"
