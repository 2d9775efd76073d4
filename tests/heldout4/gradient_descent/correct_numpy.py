"""Correct solution written with vectorised numpy (held-out batch 4).

np.nditer over a copy for the numerical gradient; matrix products for the loss gradient.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=np.float64).copy()
    g = np.empty_like(x)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        orig = x[i]
        x[i] = orig + h
        fp = f(x)
        x[i] = orig - h
        fm = f(x)
        x[i] = orig
        g[i] = (fp - fm) / (2.0 * h)
    return g


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    residual = X @ w - y
    return X.T @ residual / len(X)


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(X)
    rng = np.random.default_rng(seed)
    w = np.asarray(w0, dtype=np.float64).copy()
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for chunk in np.array_split(perm, np.arange(batch_size, n, batch_size)):
            w = w - lr * squared_loss_grad(w, X[chunk], y[chunk])
            batches.append(chunk)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    w = np.asarray(w, dtype=np.float64)
    v_new = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    return w - lr * v_new, v_new


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    w, g = np.asarray(w, dtype=np.float64), np.asarray(g, dtype=np.float64)
    m, v = np.asarray(m, dtype=np.float64), np.asarray(v, dtype=np.float64)
    m_new = beta1 * m + (1.0 - beta1) * g
    v_new = beta2 * v + (1.0 - beta2) * np.square(g)
    m_hat = m_new / (1.0 - beta1 ** t)
    v_hat = v_new / (1.0 - beta2 ** t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m_new, v_new
