"""adam_step returns the bias-corrected m_hat and v_hat instead of the new m and v: the state
passed to the next step is already divided by (1 - beta^t), so from step 2 on the moments (and
the steps) are wrong.

Mistake in `adam_step`, written in the style of correct_masks.py.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    positions = np.arange(x.size)
    g = np.zeros(x.size)
    for i in range(x.size):
        bump = h * (positions == i).reshape(x.shape)
        g[i] = (float(f(x + bump)) - float(f(x - bump))) / (2 * h)
    return g.reshape(x.shape)


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    r = X @ w - np.asarray(y, dtype=np.float64)
    g = np.mean(X * r.reshape(-1, 1), axis=0)
    return g.reshape(w.shape)


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    positions = np.arange(n)
    batch_of = positions // batch_size
    n_batches = -(-n // batch_size)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for j in range(n_batches):
            b = perm[batch_of == j]
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64) - lr * v
    return w, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * g * g
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    w = np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w, m_hat, v_hat

