"""heldout: X and y are shuffled with separate permutations"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, float); y = np.asarray(y, float); w = np.array(w0, float)
    n = len(X)
    rng = np.random.default_rng(seed)
    batches = []
    for epoch in range(epochs):
        px = rng.permutation(n)
        py = rng.permutation(n)
        for s in range(0, n, batch_size):
            bx, by = px[s:s + batch_size], py[s:s + batch_size]
            w = w - lr * squared_loss_grad(w, X[bx], y[by])
            batches.append(bx)
    return w, batches
