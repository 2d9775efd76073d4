"""The stacked terms (mu*v, g) are summed without axis=0: np.sum adds up EVERY entry of both, so
the new velocity is one number, the sum over all coordinates of mu*v + g, instead of the vector
mu*v + g, and every weight moves by lr times that total (right only for a single parameter).

Mistake in `momentum_step`; written in the style of correct_cumulative.py.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)                  # a private copy
    flat = x.reshape(-1)                               # a view of the copy
    offsets = np.array([-h, h])                        # sorted probe offsets
    g = np.empty(flat.size)
    for i in range(flat.size):
        old = flat[i]
        values = np.empty(2)
        for j, step in enumerate(offsets):
            flat[i] = old + step
            values[j] = float(f(x))
        flat[i] = old
        g[i] = np.diff(values)[0] / np.diff(offsets)[0]
    return g.reshape(x.shape)


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    r = X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)
    return X.T @ r / X.shape[0]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    cuts = np.arange(batch_size, n, batch_size)        # first position of every later batch
    batch_of = np.searchsorted(cuts, np.arange(n), side="right")   # batch number of each position
    n_batches = len(cuts) + 1 if n else 0
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for j in range(n_batches):
            b = perm[batch_of == j]
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    w = np.asarray(w, dtype=np.float64)
    terms = np.stack([mu * np.asarray(v, dtype=np.float64), np.asarray(g, dtype=np.float64)])
    v = np.sum(terms)                          # mu * v + g
    return w - lr * v, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * g * g
    decay1, decay2 = np.cumprod(np.full((t, 2), [beta1, beta2]), axis=0)[-1]   # beta1^t, beta2^t
    m_hat = m / (1 - decay1)
    v_hat = v / (1 - decay2)
    w = np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w, m, v
