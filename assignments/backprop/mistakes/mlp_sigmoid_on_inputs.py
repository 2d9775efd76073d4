"""σ applied to the inputs too: the first layer sees σ(X) instead of X"""

import numpy as np

from reference.backprop import *  # noqa: F403
from reference.backprop import _cross_entropy, mlp_backward, mlp_forward, sigmoid


def mlp_loss_and_grads(params, X, y):
    scores, cache = mlp_forward(params, sigmoid(np.asarray(X, dtype=np.float64)))
    loss, dscores = _cross_entropy(scores, np.asarray(y).astype(np.intp))
    return float(loss), mlp_backward(dscores, cache)


FIX = "x⁰ = X: the inputs enter the first layer as they are; σ is for hidden layers only"
