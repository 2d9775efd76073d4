"""the step is computed but never stored (w − lr·g is not assigned back to w)

minibatch_sgd evaluates w - lr * squared_loss_grad(...) without w = ...: w stays w0."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    n = np.asarray(X).shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for start in range(0, n, batch_size):
            batches.append(perm[start : start + batch_size])
    return np.array(w0, dtype=np.float64), batches


FIX = "in minibatch_sgd assign the step: w = w - lr * squared_loss_grad(w, X[b], y[b])"
