"""The two rows of the stacked corrected moments are read the wrong way round in the step: lr *
v_hat / (sqrt(m_hat) + eps) instead of lr * m_hat / (sqrt(v_hat) + eps); the returned m and v
are right, but the step is wrong (and nan wherever m_hat is negative).

Mistake in `adam_step`; written in the style of correct_broadcast.py.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    size = x.size
    basis = np.eye(size).reshape((size,) + x.shape)    # basis[i]: the unit array at flat entry i
    plus = x[np.newaxis] + h * basis                   # (size, *shape): all +h points
    minus = x[np.newaxis] - h * basis
    g = np.array([float(f(p)) - float(f(q)) for p, q in zip(plus, minus, strict=True)]) / (2 * h)
    return g.reshape(x.shape)


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    r = X @ w - np.asarray(y, dtype=np.float64)        # (n,) or (n, 1)
    g = (X * r.reshape(-1, 1)).mean(axis=0)            # (d,): mean of r_i x_i
    return g.reshape(w.shape)


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    starts = np.arange(0, n, batch_size)
    grid = starts[:, np.newaxis] + np.arange(batch_size)[np.newaxis, :]   # (batches, B) positions
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for row in grid:
            b = perm[row[row < n]]
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) - lr * v, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    betas = np.array([beta1, beta2]).reshape((2,) + (1,) * g.ndim)   # one beta per moment
    new = np.stack([g, g * g])                         # what each moment averages
    mv = betas * np.stack([np.asarray(m, dtype=np.float64), np.asarray(v, dtype=np.float64)])
    mv = mv + (1 - betas) * new
    hat = mv / (1 - betas**t)                          # bias-corrected m_hat, v_hat
    w = np.asarray(w, dtype=np.float64) - lr * hat[1] / (np.sqrt(hat[0]) + eps)
    return w, mv[0], mv[1]
