"""Correct solution written with explicit loops (held-out batch 4).

Perturbs one entry at a time through a flat view of a private copy; updates entry by entry.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros(x.shape)
    flat = x.reshape(-1)
    gflat = grad.reshape(-1)
    for i in range(flat.size):
        saved = flat[i]
        flat[i] = saved + h
        up = float(f(x))
        flat[i] = saved - h
        down = float(f(x))
        flat[i] = saved
        gflat[i] = (up - down) / (2 * h)
    return grad


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=float)
    w = np.asarray(w, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    g = np.zeros(w.shape)
    gflat = g.reshape(-1)
    wflat = w.reshape(-1)
    yflat = y.reshape(-1)
    for i in range(n):
        residual = sum(X[i, j] * wflat[j] for j in range(d)) - yflat[i]
        for j in range(d):
            gflat[j] += X[i, j] * residual / n
    return g


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.array(w0, dtype=float)
    rng = np.random.default_rng(seed)
    n = X.shape[0]
    batches = []
    for _ in range(epochs):
        order = rng.permutation(n)
        start = 0
        while start < n:
            idx = order[start:start + batch_size]
            w = w - lr * squared_loss_grad(w, X[idx], y[idx])
            batches.append(idx)
            start += batch_size
    return w, batches


def momentum_step(w, g, v, lr, mu):
    w = np.array(w, dtype=float)
    g = np.asarray(g, dtype=float)
    v = np.array(v, dtype=float)
    for i in np.ndindex(w.shape):
        v[i] = mu * v[i] + g[i]
        w[i] = w[i] - lr * v[i]
    return w, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    w = np.array(w, dtype=float)
    g = np.asarray(g, dtype=float)
    m = np.array(m, dtype=float)
    v = np.array(v, dtype=float)
    for i in np.ndindex(w.shape):
        m[i] = beta1 * m[i] + (1 - beta1) * g[i]
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] ** 2
        m_hat = m[i] / (1 - beta1 ** t)
        v_hat = v[i] / (1 - beta2 ** t)
        w[i] = w[i] - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w, m, v
