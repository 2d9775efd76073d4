"""loop-based rewrite

A demo student who sums the gradient sample by sample and perturbs one entry at a time."""

import numpy as np

from reference.gradient_descent import *  # noqa: F403


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)  # work on a copy, the caller's x stays as it was
    g = np.zeros(x.shape)
    for index in np.ndindex(x.shape):
        old = x[index]
        x[index] = old + h
        up = f(x)
        x[index] = old - h
        down = f(x)
        x[index] = old
        g[index] = (up - down) / (2 * h)
    return g


def squared_loss_grad(w, X, y):
    w = np.asarray(w, dtype=float)
    n = len(X)
    g = np.zeros(w.shape)
    for i in range(n):
        residual = X[i] @ w - y[i]
        g = g + residual * np.reshape(X[i], w.shape[:1] + (1,) * (w.ndim - 1))
    return g / n


def momentum_step(w, g, v, lr, mu):
    w = np.array(w, dtype=float)
    v = np.array(v, dtype=float)
    g = np.asarray(g, dtype=float)
    for index in np.ndindex(w.shape):
        v[index] = mu * v[index] + g[index]
        w[index] = w[index] - lr * v[index]
    return w, v
