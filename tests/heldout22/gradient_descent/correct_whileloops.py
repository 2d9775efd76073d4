"""Numerical gradients and gradient-descent variants written with explicit while loops and
manual index counters: the central differences walk the flattened entries of x with a counter,
the least-squares gradient adds up the samples' contributions in a sample loop, and mini-batch
SGD runs an epoch counter and, inside it, a batch start counter that moves by batch_size.

Correct solution (style: whileloops).
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    flat = x.reshape(-1)                               # a view of the private copy
    g = np.zeros(flat.shape[0])
    i = 0
    while i < flat.shape[0]:
        old = flat[i]
        flat[i] = old + h
        f_plus = float(f(x))
        flat[i] = old - h
        f_minus = float(f(x))
        flat[i] = old
        g[i] = (f_plus - f_minus) / (2 * h)
        i += 1
    return g.reshape(x.shape)


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    g = np.zeros(w.shape)
    i = 0
    while i < n:
        r = X[i] @ w - y[i]                            # a number, or a (1,) row for columns
        g = g + np.multiply.outer(X[i], r)
        i += 1
    return g / n


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    epoch = 0
    while epoch < epochs:
        perm = rng.permutation(n)
        start = 0
        while start < n:
            b = perm[start:start + batch_size]
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
            start += batch_size
        epoch += 1
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) - lr * v, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * g * g
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
