"""Misplaced parentheses: the velocity is mu (v + g) instead of mu v + g, so the gradient is also
damped by mu and every step (and the returned velocity) is off (for v = 0 it is mu times too
small).

Mistake in `momentum_step`; written in the style of correct_recursive.py.
"""

from functools import reduce

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    work = np.array(x, dtype=np.float64)
    flat = work.reshape(-1)
    g = np.zeros(work.size)

    def partial(i):
        old = flat[i]
        flat[i] = old + h
        f_plus = float(f(work))
        flat[i] = old - h
        f_minus = float(f(work))
        flat[i] = old
        return (f_plus - f_minus) / (2 * h)

    def fill(first, last):
        if last - first == 1:
            g[first] = partial(first)
        elif last - first > 1:
            mid = (first + last) // 2
            fill(first, mid)
            fill(mid, last)

    fill(0, work.size)
    return g.reshape(work.shape)


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    residual = X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)
    return X.T @ residual / X.shape[0]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []

    def step(w, b):
        return w - lr * squared_loss_grad(w, X[b], y[b])

    for _ in range(epochs):
        perm = rng.permutation(n)
        epoch = [perm[i:i + batch_size] for i in range(0, n, batch_size)]
        w = reduce(step, epoch, w)
        batches.extend(epoch)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v = mu * (np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64))
    return np.asarray(w, dtype=np.float64) - lr * v, v


def _moment(old, new, beta):
    return beta * np.asarray(old, dtype=np.float64) + (1 - beta) * new


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = _moment(m, g, beta1)
    v = _moment(v, g * g, beta2)
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
