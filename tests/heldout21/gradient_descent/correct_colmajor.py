"""Numerical gradients and gradient descent with the samples stored as COLUMNS: the least-squares
gradient works on Xt = X.T (features x samples), the residuals are a row w^T Xt - y^T and the
gradient Xt r^T / n is transposed back to w's layout (a vector or a column); mini-batches are
column blocks Xt[:, b] of the shuffled samples; the central differences probe along the columns
of h*I; Adam keeps its two moments as the two columns of one (entries x 2) array with the decay
rates as a (1, 2) row.

Correct solution (style: colmajor).
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)                     # a private copy
    size = x.size
    probes = h * np.eye(size)                             # column i is h * e_i
    g = np.empty(size)
    for i in range(size):
        e = probes[:, i].reshape(x.shape)
        g[i] = (float(f(x + e)) - float(f(x - e))) / (2 * h)
    return g.reshape(x.shape)


def squared_loss_grad(w, X, y):
    Xt = np.asarray(X, dtype=np.float64).T                # (d, n): one column per sample
    w = np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    r = w.T @ Xt - y.T                                    # the residuals as a row
    return (r @ Xt.T).T / Xt.shape[1]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    Xt = np.asarray(X, dtype=np.float64).T                # (d, n)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = Xt.shape[1]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for start in range(0, n, batch_size):
            b = perm[start:start + batch_size]
            w = w - lr * squared_loss_grad(w, Xt[:, b].T, y[b])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v_new = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    w_new = np.asarray(w, dtype=np.float64) - lr * v_new
    return w_new, v_new


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    w = np.asarray(w, dtype=np.float64)
    g = np.asarray(g, dtype=np.float64).reshape(-1, 1)    # (entries, 1)
    betas = np.array([[beta1, beta2]])                    # (1, 2): one rate per moment column
    state = np.hstack([np.asarray(m, dtype=np.float64).reshape(-1, 1),
                       np.asarray(v, dtype=np.float64).reshape(-1, 1)])   # (entries, 2)
    state = betas * state + (1 - betas) * np.hstack([g, g * g])
    corrected = state / (1 - betas**t)
    step = lr * corrected[:, 0] / (np.sqrt(corrected[:, 1]) + eps)
    shape = w.shape
    return w - step.reshape(shape), state[:, 0].reshape(shape), state[:, 1].reshape(shape)
