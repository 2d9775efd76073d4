"""The batch window is turned into indices with filled() (the default fill value) instead of compressed().

The masked positions beyond n are filled with the int default fill value 999999 instead of being
dropped: whenever the last batch of an epoch is shorter than batch_size, indexing perm with it
raises IndexError; when batch_size divides n nothing is masked and the result is right.

Mistake in `minibatch_sgd`; written from correct_maskedarray.py.
"""

import numpy as np
import numpy.ma as ma


def numerical_gradient(f, x, h=1e-5):
    """Central differences, one entry at a time; x is never written."""
    x = np.array(x, dtype=np.float64)
    positions = np.arange(x.size).reshape(x.shape)
    g = np.zeros(x.shape)
    for flat in range(x.size):
        step = ma.masked_array(np.full(x.shape, h), mask=positions != flat).filled(0.0)
        g = g + (float(f(x + step)) - float(f(x - step))) / (2 * h) * (positions == flat)
    return g


def squared_loss_grad(w, X, y):
    """(1/n) X^T (X w - y), the shape of w."""
    X = np.asarray(X, dtype=np.float64)
    residual = X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)
    return X.T @ residual / X.shape[0]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """One permutation per epoch, consecutive slices of batch_size, one step per slice."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for start in range(0, n, batch_size):
            window = ma.masked_greater_equal(np.arange(start, start + batch_size), n)
            batch = perm[window.filled()]
            w = w - lr * squared_loss_grad(w, X[batch], y[batch])
            batches.append(batch)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    """v <- mu v + g, w <- w - lr v (torch.optim.SGD)."""
    v = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) - lr * v, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step with bias correction (torch.optim.Adam)."""
    g = np.asarray(g, dtype=np.float64)
    m = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * g**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    w = np.asarray(w, dtype=np.float64) - lr * m_hat / (ma.sqrt(v_hat).filled(0.0) + eps)
    return w, m, v
