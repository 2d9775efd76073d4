"""beta1 ^ t where beta1 ** t is meant: in Python ^ is bitwise XOR, which is not defined for a
float, so the bias correction raises TypeError.

Mistake in `adam_step`; edited from correct_pure.py.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    base = np.array(x, dtype=np.float64)
    flat = base.ravel()
    g = np.zeros(base.size)
    for i in range(base.size):
        plus = flat.copy()
        plus[i] += h
        minus = flat.copy()
        minus[i] -= h
        g[i] = (float(f(plus.reshape(base.shape))) - float(f(minus.reshape(base.shape)))) / (2 * h)
    return g.reshape(base.shape)


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    residual = np.dot(X, w) - y
    return np.dot(residual.T, X).T / n


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = len(X)
    rng = np.random.default_rng(seed)
    batches = []
    for _epoch in range(epochs):
        order = rng.permutation(n)
        start = 0
        while start < n:
            idx = order[start:start + batch_size]
            w = w - lr * squared_loss_grad(w, X[idx], y[idx])
            batches.append(idx)
            start += batch_size
    return w, batches


def momentum_step(w, g, v, lr, mu):
    w = np.asarray(w, dtype=np.float64)
    g = np.asarray(g, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    v_new = mu * v + g
    w_new = w - lr * v_new
    return w_new, v_new


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    w = np.asarray(w, dtype=np.float64)
    g = np.asarray(g, dtype=np.float64)
    m = np.asarray(m, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    m_new = beta1 * m + (1 - beta1) * g
    v_new = beta2 * v + (1 - beta2) * g ** 2
    m_hat = m_new / (1 - beta1 ^ t)
    v_hat = v_new / (1 - beta2 ** t)
    w_new = w - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w_new, m_new, v_new
