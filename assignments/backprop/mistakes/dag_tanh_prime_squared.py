"""tanh′ was taken as tanh² instead of 1 − tanh²

dag_forward_backward multiplies by x1² and x2² where the derivative of tanh is 1 − x1², 1 − x2²."""

import numpy as np

from reference.backprop import *  # noqa: F403


def dag_forward_backward(x0, W1, W2, W3):
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
    d0, d1 = x0.shape[0], W1.shape[0]
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    dx1 = W3[:d1].copy()
    ds2 = W3[d1:] * x2**2
    dW2 = np.outer(ds2, z2)
    dz2 = W2.T @ ds2
    dx0 = dz2[:d0].copy()
    dx1 += dz2[d0:]
    ds1 = dx1 * x1**2
    dW1 = np.outer(ds1, x0)
    dx0 += W1.T @ ds1
    return x3, {"W1": dW1, "W2": dW2, "W3": z3.copy(), "x0": dx0}


FIX = "in dag_forward_backward tanh′(s) = 1 − tanh(s)²: multiply by (1 − x**2)"
