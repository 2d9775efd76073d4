"""heldout: the last partial minibatch is dropped"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, float); y = np.asarray(y, float); w = np.array(w0, float)
    n = len(X)
    rng = np.random.default_rng(seed)
    batches = []
    for epoch in range(epochs):
        perm = rng.permutation(n)
        for k in range(n // batch_size):
            b = perm[k * batch_size:(k + 1) * batch_size]
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches
