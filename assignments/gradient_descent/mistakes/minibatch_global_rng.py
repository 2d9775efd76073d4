"""the global RNG was used instead of the given seed

minibatch_sgd shuffles with np.random.permutation (global, unseeded state) and ignores seed."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403
from reference.gradient_descent import squared_loss_grad


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    w = np.array(w0, dtype=np.float64)
    batches = []
    for _ in range(epochs):
        perm = np.random.permutation(len(y))
        for s in range(0, len(y), batch_size):
            b = perm[s : s + batch_size]
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches


FIX = "rng = np.random.default_rng(seed); use rng.permutation(n)"
