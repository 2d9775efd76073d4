"""the data is not reshuffled every epoch

minibatch_sgd draws rng.permutation(n) once, before the epoch loop."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403
from reference.gradient_descent import squared_loss_grad


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    rng = np.random.default_rng(seed)
    perm = rng.permutation(len(y))
    w = np.array(w0, dtype=np.float64)
    batches = []
    for _ in range(epochs):
        for s in range(0, len(y), batch_size):
            b = perm[s : s + batch_size]
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches


FIX = "call rng.permutation(n) once at the start of every epoch"
