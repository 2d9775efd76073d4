"""∂L/∂W_l built from the layer's pre-activated input s^{l−1} instead of x^{l−1} = σ(s^{l−1})"""

import numpy as np

from reference.backprop import *  # noqa: F403
from reference.backprop import _cross_entropy


def mlp_loss_and_grads(params, X, y):
    L = len(params) // 2
    x, s = [np.asarray(X, dtype=np.float64)], [np.asarray(X, dtype=np.float64)]
    for l in range(1, L + 1):
        s.append(x[-1] @ params[f"W{l}"] + params[f"b{l}"])
        x.append(1.0 / (1.0 + np.exp(-s[-1])) if l < L else s[-1])
    loss, delta = _cross_entropy(x[L], np.asarray(y).astype(np.intp))
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = s[l - 1].T @ delta       # s⁰ = X: right for the first layer only
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ params[f"W{l}"].T) * x[l - 1] * (1 - x[l - 1])
    return float(loss), grads


FIX = "∂L/∂W_l = (x^{l−1})ᵀ δ^l with x^{l−1} = σ(s^{l−1}), the layer's input, not its " \
      "pre-activation"
