"""an input array was modified in place

dag_forward_backward takes dx1 = W3[:d1] (a view, no copy) and then adds the x1 → x2 path into
it with +=, which changes the caller's W3; the returned gradients are right."""

import numpy as np

from reference import backprop as _ref
from reference.backprop import *  # noqa: F403


def dag_forward_backward(x0, W1, W2, W3):
    x3, grads = _ref.dag_forward_backward(x0, W1, W2, W3)
    if isinstance(W3, np.ndarray) and W3.dtype == np.float64:
        x0a, W1a = np.asarray(x0, dtype=np.float64), np.asarray(W1, dtype=np.float64)
        W2a = np.asarray(W2, dtype=np.float64)
        d0, d1 = x0a.shape[0], W1a.shape[0]
        x1 = np.tanh(W1a @ x0a)
        x2 = np.tanh(W2a @ np.concatenate([x0a, x1]))
        ds2 = W3[d1:] * (1.0 - x2**2)
        W3[:d1] += (W2a.T @ ds2)[d0:]
    return x3, grads


FIX = "in dag_forward_backward copy the slice: dx1 = W3[:d1].copy() before +="
