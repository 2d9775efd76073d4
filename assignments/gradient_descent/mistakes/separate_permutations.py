"""separate permutations for X and y"""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64); y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64); n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        px = rng.permutation(n); py = rng.permutation(n)
        for s in range(0, n, batch_size):
            w = w - lr * squared_loss_grad(w, X[px[s:s + batch_size]], y[py[s:s + batch_size]])
            batches.append(px[s:s + batch_size])
    return w, batches


FIX = "draw one permutation per epoch and index X and y with it"
