"""(deque) In torch's form of the update the square root of the second bias correction is
forgotten: sqrt(v) is divided by 1 - beta2^t instead of sqrt(1 - beta2^t), so the denominator is
too large by 1/sqrt(1 - beta2^t) (about 31.6 at t = 1) and the early steps are far too small
(the moments returned are right).

One mistake in `adam_step`, written from correct_deque.py.
"""

import math
from collections import deque

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    g = np.zeros_like(x)
    positions = deque(np.ndindex(x.shape))
    probes = deque()
    while positions:
        idx = positions.popleft()
        probes.clear()
        original = x[idx]
        for offset in (h, -h):
            x[idx] = original + offset
            probes.append(float(f(x)))
        x[idx] = original
        g[idx] = (probes[0] - probes[1]) / (2 * h)
    return g


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    return X.T @ (X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)) / X.shape[0]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    pending = deque()
    batches = deque()
    for _epoch in range(epochs):
        pending.extend(rng.permutation(n).tolist())
        while pending:
            size = min(batch_size, len(pending))
            b = np.array([pending.popleft() for _ in range(size)], dtype=np.int64)
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, list(batches)


def momentum_step(w, g, v, lr, mu):
    v = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) - lr * v, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * g * g
    bias_correction1 = 1 - math.pow(beta1, t)
    bias_correction2 = 1 - math.pow(beta2, t)
    step_size = lr / bias_correction1
    denom = np.sqrt(v) / bias_correction2 + eps
    return np.asarray(w, dtype=np.float64) - step_size * m / denom, m, v
