"""Numerical gradients and gradient descent with windows and sequences: the probe offsets h*e_i
are the length-size windows of the sequence 0, ..., 0, h, 0, ..., 0 (read in reverse order, so
that window i holds h at entry i); the least-squares gradient is one einsum over the samples;
the batches are the length-2 windows (start, stop) of the batch boundaries 0, B, 2B, ..., n;
momentum and Adam are written as the recurrences they are.

Correct solution (style: sliding).
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)                     # a private copy
    size = x.size
    spike = np.concatenate([np.zeros(size - 1), [h], np.zeros(size - 1)])
    offsets = sliding_window_view(spike, size)[::-1]      # (size, size): window i is h * e_i
    g = np.empty(size)
    for i, offset in enumerate(offsets):
        e = offset.reshape(x.shape)
        g[i] = (float(f(x + e)) - float(f(x - e))) / (2 * h)
    return g.reshape(x.shape)


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    r = X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)
    return np.einsum("ij,i...->j...", X, r) / X.shape[0]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    bounds = np.append(np.arange(0, n, batch_size), n)    # 0, B, 2B, ..., n
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for start, stop in sliding_window_view(bounds, 2):
            b = perm[start:stop]
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) - lr * v, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * g**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
