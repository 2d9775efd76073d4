"""the random generator is re-seeded in every epoch with a different seed (seed + epoch)

minibatch_sgd makes rng = np.random.default_rng(seed + epoch) inside the epoch loop instead of
one generator from seed, so every epoch but the first has other batches."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403
from reference.gradient_descent import squared_loss_grad


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    batches = []
    for epoch in range(epochs):
        perm = np.random.default_rng(seed + epoch).permutation(n)
        for start in range(0, n, batch_size):
            b = perm[start : start + batch_size]
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches


FIX = "make rng = np.random.default_rng(seed) once, before the epoch loop"
