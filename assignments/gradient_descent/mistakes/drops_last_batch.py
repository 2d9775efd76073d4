"""the last partial minibatch is dropped"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64); y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64); n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for k in range(n // batch_size):
            b = perm[k * batch_size:(k + 1) * batch_size]
            w = w - lr * squared_loss_grad(w, X[b], y[b]); batches.append(b)
    return w, batches


FIX = "take slices perm[start:start + batch_size] for start in range(0, n, batch_size)"
