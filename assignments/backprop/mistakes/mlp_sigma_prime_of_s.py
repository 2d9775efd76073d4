"""σ′ computed as s(1 − s) from the pre-activation

mlp_loss_and_grads multiplies δ by s(1 − s) instead of σ(s)(1 − σ(s))."""

import numpy as np

from reference.backprop import *  # noqa: F403


def mlp_loss_and_grads(params, X, y):
    L = len(params) // 2
    xs, pre = [X], [X]
    for l in range(1, L + 1):
        s = xs[-1] @ params[f"W{l}"] + params[f"b{l}"]
        pre.append(s)
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
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ params[f"W{l}"].T) * pre[l - 1] * (1 - pre[l - 1])
    return loss, grads


FIX = "σ′(s) = σ(s)(1 − σ(s)): use the activation, not the pre-activation"
