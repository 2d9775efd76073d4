"""adam_step: Bias correction with t + 1 (as if t counted from 0): 1 − β^(t+1) instead of 1 − β^t.

Held-out batch 2 (H4): correct_loops.py with this one mistake.
"""

import math

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    flat = x.reshape(-1)
    grad = np.zeros(flat.size)
    for k in range(flat.size):
        saved = flat[k]
        flat[k] = saved + h
        up = f(x)
        flat[k] = saved - h
        down = f(x)
        flat[k] = saved
        grad[k] = (up - down) / (2 * h)
    return grad.reshape(x.shape)


def squared_loss_grad(w, X, y):
    n, d = len(X), len(X[0])
    w_arr = np.asarray(w, dtype=float)
    column = w_arr.ndim == 2
    wv = w_arr.reshape(-1)
    yv = np.asarray(y, dtype=float).reshape(-1)
    grad = [0.0] * d
    for i in range(n):
        r = sum(X[i][j] * wv[j] for j in range(d)) - yv[i]
        for j in range(d):
            grad[j] += X[i][j] * r / n
    out = np.array(grad)
    return out.reshape(d, 1) if column else out


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    rng = np.random.default_rng(seed)
    n = len(X)
    w = np.array(w0, dtype=float)
    batches = []
    steps = math.ceil(n / batch_size)
    for _epoch in range(epochs):
        order = rng.permutation(n)
        for s in range(steps):
            chunk = order[s * batch_size:(s + 1) * batch_size]
            batches.append(chunk)
            w = w - lr * squared_loss_grad(w, X[chunk], y[chunk])
    return w, batches


def momentum_step(w, g, v, lr, mu):
    velocity = np.array(v, dtype=float) * mu
    velocity += g
    return np.asarray(w, dtype=float) - lr * velocity, velocity


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=float)
    m2 = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * g
    v2 = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * g * g
    step = lr * (m2 / (1 - beta1 ** (t + 1))) / (np.sqrt(v2 / (1 - beta2 ** (t + 1))) + eps)
    return np.asarray(w, dtype=float) - step, m2, v2
