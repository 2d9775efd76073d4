"""the recorded batches are positions in the permutation, not sample indices

minibatch_sgd appends np.arange(start, start + B) (the slice positions) instead of the sample
indices perm[start:start + B]; the steps themselves are right."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403
from reference.gradient_descent import squared_loss_grad


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for start in range(0, n, batch_size):
            b = perm[start : start + batch_size]
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(np.arange(start, min(start + batch_size, n)))
    return w, batches


FIX = "in minibatch_sgd record the sample indices b = perm[start:start + B]"
