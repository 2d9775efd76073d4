"""the MLP gradients are summed over the samples, not averaged (the loss is a mean)"""

import numpy as np

from reference.backprop import *  # noqa: F403
from reference.backprop import _cross_entropy, sigmoid


def mlp_loss_and_grads(params, X, y):
    L = len(params) // 2
    x = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L + 1):
        s = x[-1] @ params[f"W{l}"] + params[f"b{l}"]
        x.append(sigmoid(s) if l < L else s)
    y = np.asarray(y).astype(np.intp)
    loss, delta = _cross_entropy(x[L], y)
    delta = delta * len(y)
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = x[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ params[f"W{l}"].T) * x[l - 1] * (1 - x[l - 1])
    return float(loss), grads


FIX = "δ^L = (P − Y)/N: divide by N once, at the output"
