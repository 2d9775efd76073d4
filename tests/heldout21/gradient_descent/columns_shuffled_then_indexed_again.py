"""The sample columns are shuffled with the permutation (Xt[:, perm], y[perm]) AND the batches are
still taken as perm[start:start + B]: the data are permuted twice, so batch perm[0:B] is trained
on the samples perm[perm[0:B]], and since the shuffled arrays are kept, every epoch permutes the
already permuted data again. The recorded batches are right, the weights are not (except for
full-batch gradient descent, whose single batch is all the samples).

Mistake in `minibatch_sgd`, written in the style of correct_colmajor.py.
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
        Xt, y = Xt[:, perm], y[perm]                      # shuffle the sample columns
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
