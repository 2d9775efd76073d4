"""The loop over the flat indices stops one entry early, range(x.size - 1): the last entry of x is
never perturbed and its partial derivative stays 0 (a scalar or one-entry x gets the gradient
0).

In `numerical_gradient`; written in the style of correct_indexing.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    g = np.zeros_like(x)
    for i in range(x.size - 1):
        old = np.take(x, i)
        np.put(x, i, old + h)
        f_plus = float(f(x))
        np.put(x, i, old - h)
        f_minus = float(f(x))
        np.put(x, i, old)
        np.put(g, i, (f_plus - f_minus) / (2 * h))
    return g


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    R = (X @ w - y).reshape(n, -1)                      # residuals, one column per output
    rows, cols = np.indices((n, d)).reshape(2, -1)
    G = np.zeros((d, R.shape[1]))
    np.add.at(G, cols, X[rows, cols][:, None] * R[rows])
    return (G / n).reshape(w.shape)


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    starts = np.arange(0, n, batch_size)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for b in np.split(perm, starts[1:]):
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v_new = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    w_new = np.asarray(w, dtype=np.float64) - lr * v_new
    return w_new, v_new


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m_new = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
    v_new = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * g * g
    m_hat = m_new / (1 - beta1**t)
    v_hat = v_new / (1 - beta2**t)
    w_new = np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w_new, m_new, v_new
