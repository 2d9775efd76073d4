"""the backward pass multiplies δ by {form} where σ′(s) = σ(s)(1 − σ(s)) is needed

A family (grader.run.catalogue: PARAMS): the derivative of the hidden activation taken from
the wrong formula (tanh′, a lost factor, σ′ of the activation instead of the pre-activation)."""

import numpy as np

from reference import backprop as _ref
from reference.backprop import *  # noqa: F403

PARAMS = {"form": {
    "1 − σ(s)² (tanh′)": lambda x, s: 1 - x * x,
    "1 − σ(s)": lambda x, s: 1 - x,
    "σ(s)": lambda x, s: x,
    "σ′(σ(s)) (σ′ of the activation)": lambda x, s: _ref.sigmoid(x) * (1 - _ref.sigmoid(x)),
    "s·(1 − s) (of the pre-activation)": lambda x, s: s * (1 - s),
    "σ(s)·(1 + σ(s))": lambda x, s: x * (1 + x),
    "σ(s)²·(1 − σ(s))": lambda x, s: x * x * (1 - x),
}}
form = next(iter(PARAMS["form"].values()))


def mlp_loss_and_grads(params, X, y):
    y = np.asarray(y)
    scores, cache = _ref.mlp_forward(params, X)
    loss, dscores = _ref._cross_entropy(scores, y.astype(np.intp))
    grads = {}
    delta = np.asarray(dscores, dtype=np.float64)
    for l in range(len(cache), 0, -1):
        affine_cache, sigmoid_cache = cache[l - 1]
        if sigmoid_cache is not None:
            x_prev, W = cache[l - 1][0]
            s = x_prev @ W + np.asarray(params[f"b{l}"], dtype=np.float64)
            delta = delta * form(sigmoid_cache, s)
        dx, grads[f"W{l}"], grads[f"b{l}"] = _ref.affine_backward(delta, affine_cache)
        delta = dx
    return float(loss), {k: grads[k] for l in range(1, len(cache) + 1)
                         for k in (f"W{l}", f"b{l}")}


FIX = "δ ← δ·σ(s)(1 − σ(s)), with σ(s) the layer's activation kept from the forward pass"
