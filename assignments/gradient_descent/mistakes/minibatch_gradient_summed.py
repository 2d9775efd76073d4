"""each step uses the batch's summed gradient, not its mean (the step grows with the batch)

minibatch_sgd steps w ← w − lr·|b|·squared_loss_grad(w, X[b], y[b]), i.e. Xᵀ(Xw − y) summed
over the batch."""

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
            Xb = X[b]
            w = w - lr * Xb.T @ (Xb @ w - y[b])
            batches.append(b)
    return w, batches


FIX = "average over the batch: step with squared_loss_grad(w, X[b], y[b]) (÷ |b|)"
