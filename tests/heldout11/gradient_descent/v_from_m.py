"""Adam's second moment is built from the NEW first moment instead of the gradient: v <- beta2 v +
(1 - beta2) m^2 instead of v <- beta2 v + (1 - beta2) g^2.

Mistake in `adam_step`; written in the style of correct_einsum.py.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    xp = np.array(x, dtype=np.float64)
    g = np.empty_like(xp)
    for idx in np.ndindex(*xp.shape):
        keep = xp[idx]
        xp[idx] = keep + h
        up = float(f(xp))
        xp[idx] = keep - h
        down = float(f(xp))
        xp[idx] = keep
        g[idx] = (up - down) / (2.0 * h)
    return g


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    r = np.einsum("nd,d...->n...", X, w) - y
    return np.einsum("nd,n...->d...", X, r) / X.shape[0]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        order = rng.permutation(n)
        for lo in range(0, n, batch_size):
            idx = order[lo:lo + batch_size]
            w = w - lr * squared_loss_grad(w, X[idx], y[idx])
            batches.append(idx)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v_new = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) - lr * v_new, v_new


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m_new = beta1 * np.asarray(m, dtype=np.float64) + (1.0 - beta1) * g
    v_new = beta2 * np.asarray(v, dtype=np.float64) + (1.0 - beta2) * np.einsum("...,...->...", m_new, m_new)
    m_hat = m_new / (1.0 - beta1 ** t)
    v_hat = v_new / (1.0 - beta2 ** t)
    w_new = np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w_new, m_new, v_new
