"""σ was used where σ′ = σ(1−σ) is needed

mlp_loss_and_grads multiplies δ by σ(s) instead of σ′(s) = σ(s)(1 − σ(s)) in the backward pass."""

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
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ params[f"W{l}"].T) * xs[l - 1]      # should be σ′ = x(1 − x)
    return loss, grads


FIX = "multiply by σ′ = x·(1 − x) where x = σ(s) is the layer's output"
