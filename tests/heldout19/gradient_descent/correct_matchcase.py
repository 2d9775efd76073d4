"""Gradients and optimisers in modern Python: the numerical gradient walks np.ndindex over
x's shape with fresh +h/−h copies; the least-squares gradient binds n with a walrus in its
empty-batch check; mini-batch SGD takes its batches from a generator of slices; momentum has an
early return for the first step (v = 0); Adam corrects both moments in one zip(strict=True)
over (moment, beta).

Correct solution (style: matchcase).
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    g = np.zeros_like(x)
    for idx in np.ndindex(*x.shape):
        plus, minus = x.copy(), x.copy()
        plus[idx] += h
        minus[idx] -= h
        g[idx] = (float(f(plus)) - float(f(minus))) / (2 * h)
    return g


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if (n := X.shape[0]) == 0:
        raise ValueError("the batch is empty")
    return X.T @ (X @ w - y) / n


def _batches(perm, size):
    return (perm[start:start + size] for start in range(0, len(perm), size))


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    rng = np.random.default_rng(seed)
    batches = []
    for _epoch in range(epochs):
        for b in _batches(rng.permutation(X.shape[0]), batch_size):
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    w = np.asarray(w, dtype=np.float64)
    g = np.asarray(g, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    if not np.any(v):
        return w - lr * g, g.copy()              # first step: v = mu*0 + g
    v = mu * v + g
    return w - lr * v, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * g * g
    m_hat, v_hat = (mom / (1 - beta**t) for mom, beta in zip((m, v), (beta1, beta2), strict=True))
    return np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
