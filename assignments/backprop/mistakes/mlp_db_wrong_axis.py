"""db summed over the wrong axis

mlp_loss_and_grads sums δ over the units (axis 1) instead of over the samples (axis 0)."""

import numpy as np

from reference.backprop import *  # noqa: F403


def mlp_loss_and_grads(params, X, y):
    L = len(params) // 2
    xs = [X]
    for l in range(1, L + 1):
        s = xs[-1] @ params[f"W{l}"] + params[f"b{l}"]
        xs.append(1 / (1 + np.exp(-s)) if l < L else s)
    s = xs[-1] - xs[-1].max(axis=1, keepdims=True)
    P = np.exp(s) / np.exp(s).sum(axis=1, keepdims=True)
    N = X.shape[0]
    loss = -np.log(P[np.arange(N), y]).mean()
    delta = P.copy()
    delta[np.arange(N), y] -= 1
    delta /= N
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = xs[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=1)
        if l > 1:
            delta = (delta @ params[f"W{l}"].T) * xs[l - 1] * (1 - xs[l - 1])
    return loss, grads


FIX = "sum δ over the samples: delta.sum(axis=0)"
