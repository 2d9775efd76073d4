"""every epoch uses the same permutation (drawn once, or the rng re-made from the seed each epoch)

minibatch_sgd draws rng.permutation(n) once, before the epoch loop; default_rng(seed) made anew
in every epoch gives the same batches."""

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


FIX = "make rng once, before the loop, and call rng.permutation(n) at the start of every epoch"
