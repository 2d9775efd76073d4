"""tanh where σ was asked (hidden layers of the MLP)"""

import numpy as np

from reference.backprop import *  # noqa: F403
from reference.backprop import _cross_entropy


def mlp_loss_and_grads(params, X, y):
    L = len(params) // 2
    x = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L + 1):
        s = x[-1] @ params[f"W{l}"] + params[f"b{l}"]
        x.append(np.tanh(s) if l < L else s)
    y = np.asarray(y).astype(np.intp)
    loss, delta = _cross_entropy(x[L], y)
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = x[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ params[f"W{l}"].T) * (1 - x[l - 1] ** 2)
    return float(loss), grads


FIX = "hidden activations are σ(s) = 1/(1 + e^(−s)), with σ′ = σ(1 − σ)"
