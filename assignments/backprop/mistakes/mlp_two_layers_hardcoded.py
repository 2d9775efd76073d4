"""the number of layers was hard-coded as L = 2 instead of read from params

mlp_loss_and_grads loops over W1, b1, W2, b2 only: a 1-layer network raises KeyError 'W2' and a
deeper one ignores its last layers."""

import numpy as np

from reference.backprop import *  # noqa: F403
from reference.backprop import _cross_entropy, sigmoid


def mlp_loss_and_grads(params, X, y):
    L = 2
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
            delta = (delta @ params[f"W{l}"].T) * x[l - 1] * (1 - x[l - 1])
    return float(loss), grads


FIX = "in mlp_loss_and_grads read L from params (L = len(params) // 2), not L = 2"
