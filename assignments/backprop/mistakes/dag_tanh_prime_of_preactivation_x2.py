"""x2's tanh′ was taken on its pre-activation (1 − s², s = W2·[x0; x1]) instead of 1 − x2²"""

import numpy as np

from reference.backprop import *  # noqa: F403


def dag_forward_backward(x0, W1, W2, W3):
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
    d0, d1 = x0.shape[0], W1.shape[0]
    s1 = W1 @ x0
    x1 = np.tanh(s1)
    z2 = np.concatenate([x0, x1])
    s2 = W2 @ z2
    x2 = np.tanh(s2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    dx1 = W3[:d1].copy()
    ds2 = W3[d1:] * (1.0 - s2**2)
    dW2 = np.outer(ds2, z2)
    dz2 = W2.T @ ds2
    dx0 = dz2[:d0].copy()
    dx1 += dz2[d0:]
    ds1 = dx1 * (1.0 - x1**2)
    dW1 = np.outer(ds1, x0)
    dx0 += W1.T @ ds1
    return x3, {"W1": dW1, "W2": dW2, "W3": z3.copy(), "x0": dx0}


FIX = "tanh′(s) = 1 − tanh(s)²: use the layer's output x = tanh(s), 1 − x²"
