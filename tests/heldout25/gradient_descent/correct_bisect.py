"""Gradient descent with look-ups: mini-batch SGD sorts the positions of an epoch into batches
by searching them among the sorted batch boundaries (np.searchsorted, side='right'), and each
batch is the run of the permutation between two boundaries; the rest is plain numpy.

Correct solution (style: bisect).
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """Central differences over the flat view of a private copy of x."""
    x = np.array(x, dtype=np.float64)
    flat = x.reshape(-1)
    g = np.zeros(flat.size)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + h
        fp = float(f(x))
        flat[i] = old - h
        fm = float(f(x))
        flat[i] = old
        g[i] = (fp - fm) / (2 * h)
    return g.reshape(x.shape)


def squared_loss_grad(w, X, y):
    """(1/n)·Xᵀ(Xw − y)."""
    X = np.asarray(X, dtype=np.float64)
    return X.T @ (X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)) / len(X)


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """Per epoch one permutation; positions binned among the boundaries 0, B, 2B, ..."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    bounds = np.arange(0, n, batch_size)                  # sorted batch starts
    which = np.searchsorted(bounds, np.arange(n), side="right") - 1   # batch of each position
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for j in range(bounds.size):
            b = perm[which == j]
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    """v ← mu·v + g; w ← w − lr·v."""
    v = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) - lr * v, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """Adam with bias correction (torch.optim.Adam)."""
    g = np.asarray(g, dtype=np.float64)
    m = beta1 * np.asarray(m, dtype=np.float64) + (1.0 - beta1) * g
    v = beta2 * np.asarray(v, dtype=np.float64) + (1.0 - beta2) * g ** 2
    step = lr * (m / (1.0 - beta1 ** t)) / (np.sqrt(v / (1.0 - beta2 ** t)) + eps)
    return np.asarray(w, dtype=np.float64) - step, m, v
