"""the gradient of [x1; x2] was split from the wrong end (x2's part taken from the front)

dag_forward_backward takes x2's share of ∂x3/∂[x1; x2] = W3 as W3[:d2] instead of W3[d1:] (the
d1 entries of x1 come first)."""

import numpy as np

from reference.backprop import *  # noqa: F403


def dag_forward_backward(x0, W1, W2, W3):
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
    d0, d1, d2 = x0.shape[0], W1.shape[0], W2.shape[0]
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    dx1 = W3[:d1].copy()
    ds2 = W3[:d2] * (1.0 - x2**2)
    dW2 = np.outer(ds2, z2)
    dz2 = W2.T @ ds2
    dx0 = dz2[:d0].copy()
    dx1 += dz2[d0:]
    ds1 = dx1 * (1.0 - x1**2)
    dW1 = np.outer(ds1, x0)
    dx0 += W1.T @ ds1
    return x3, {"W1": dW1, "W2": dW2, "W3": z3.copy(), "x0": dx0}


FIX = "in dag_forward_backward x2's part of W3 is W3[d1:], after x1's d1 entries"
