"""np.matmul(r, X) instead of X^T r: the same for 1-D vectors, but with column vectors r (n, 1)
times X (n, d) does not line up, so the column-vector case fails.

Mistake in `squared_loss_grad`; edited from correct_matmul.py.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=np.float64)  # perturbed in place; each entry is put back
    g = np.zeros_like(x)
    for idx in np.ndindex(*x.shape):
        saved = x[idx]
        x[idx] = saved + h
        fp = float(f(x))
        x[idx] = saved - h
        fm = float(f(x))
        x[idx] = saved
        g[idx] = (fp - fm) / (2 * h)
    return g


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    r = np.matmul(X, w) - y
    return np.matmul(r, X) / X.shape[0]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64, copy=True)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for s in np.arange(0, n, batch_size):
            b = perm[s:s + batch_size]
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v = np.add(np.multiply(mu, np.asarray(v, dtype=np.float64)), np.asarray(g, dtype=np.float64))
    w = np.subtract(np.asarray(w, dtype=np.float64), np.multiply(lr, v))
    return w, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = np.add(np.multiply(beta1, m), np.multiply(1 - beta1, g))
    v = np.add(np.multiply(beta2, v), np.multiply(1 - beta2, np.square(g)))
    m_hat = m / (1 - np.power(beta1, t))
    v_hat = v / (1 - np.power(beta2, t))
    w = np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w, m, v
