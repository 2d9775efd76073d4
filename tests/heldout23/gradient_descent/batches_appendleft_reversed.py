"""(deque) The batches are recorded with appendleft instead of append, so the returned list is in
reverse order (the last batch of the last epoch first) instead of the order they were used; the
weights are right.

One mistake in `minibatch_sgd`, written from correct_deque.py.
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
            batches.appendleft(b)
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
    denom = np.sqrt(v) / math.sqrt(bias_correction2) + eps
    return np.asarray(w, dtype=np.float64) - step_size * m / denom, m, v
