"""σ′ is missing from the backward pass (δ ← δ Wᵀ without · σ(s)(1 − σ(s)))

mlp_loss_and_grads carries δ back through the weights but never multiplies by the sigmoid's
derivative."""

import numpy as np

from reference.backprop import *  # noqa: F403
from reference.backprop import _cross_entropy, sigmoid


def mlp_loss_and_grads(params, X, y):
    L = len(params) // 2
    x = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L + 1):
        s = x[-1] @ params[f"W{l}"] + params[f"b{l}"]
        x.append(sigmoid(s) if l < L else s)
    loss, delta = _cross_entropy(x[L], np.asarray(y).astype(np.intp))
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = x[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = delta @ params[f"W{l}"].T
    return float(loss), grads


FIX = "in mlp_loss_and_grads multiply δ Wᵀ by σ′ = x(1 − x) of that hidden layer"
