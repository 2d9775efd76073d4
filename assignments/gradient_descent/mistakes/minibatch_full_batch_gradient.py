"""every step uses the gradient on all samples, not on the batch

minibatch_sgd draws and records the batches correctly but steps with squared_loss_grad(w, X, y):
batch gradient descent with epochs·⌈n/B⌉ steps."""

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
            w = w - lr * squared_loss_grad(w, X, y)
            batches.append(b)
    return w, batches


FIX = "in minibatch_sgd the step uses the batch: squared_loss_grad(w, X[b], y[b])"
