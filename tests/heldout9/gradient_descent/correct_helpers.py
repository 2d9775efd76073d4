"""Gradient descent with small helpers: a central-difference helper on a flat view of a private
copy, a batch generator, and Adam written with its moment and correction helpers."""

import numpy as np


def _central(f, flat, point, i, h):
    old = flat[i]
    flat[i] = old + h
    up = float(f(point))
    flat[i] = old - h
    down = float(f(point))
    flat[i] = old
    return (up - down) / (2 * h)


def numerical_gradient(f, x, h=1e-5):
    point = np.array(x, dtype=np.float64)
    flat = point.reshape(-1)
    g = np.array([_central(f, flat, point, i, h) for i in range(flat.size)])
    return g.reshape(point.shape)


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    r = X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)
    return X.T @ r / n


def _batches(perm, size):
    for start in range(0, len(perm), size):
        yield perm[start : start + size]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(X.shape[0])
        for b in _batches(perm, batch_size):
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v = np.add(np.multiply(mu, v), g, dtype=np.float64)
    w = np.subtract(w, lr * v, dtype=np.float64)
    return w, v


def _ema(old, new, beta):
    return beta * np.asarray(old, dtype=np.float64) + (1 - beta) * new


def _unbias(moment, beta, t):
    return moment / (1 - beta**t)


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = _ema(m, g, beta1)
    v = _ema(v, g * g, beta2)
    step = _unbias(m, beta1, t) / (np.sqrt(_unbias(v, beta2, t)) + eps)
    return np.asarray(w, dtype=np.float64) - lr * step, m, v
