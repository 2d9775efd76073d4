"""ReLU where σ was asked (hidden layers of the MLP)

mlp_loss_and_grads uses max(0, s) and its derivative 1[s > 0] in the hidden layers."""

import numpy as np

from reference.backprop import *  # noqa: F403
from reference.backprop import _cross_entropy


def mlp_loss_and_grads(params, X, y):
    L = len(params) // 2
    x = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L + 1):
        s = x[-1] @ params[f"W{l}"] + params[f"b{l}"]
        x.append(np.maximum(0.0, s) if l < L else s)
    loss, delta = _cross_entropy(x[L], np.asarray(y).astype(np.intp))
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = x[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ params[f"W{l}"].T) * (x[l - 1] > 0)
    return float(loss), grads


FIX = "hidden activations are σ(s) = 1/(1 + e^(−s)), with σ′ = σ(1 − σ)"
