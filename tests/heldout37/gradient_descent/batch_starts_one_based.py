"""The start of batch k is (k - 1) * batch_size + 1, MATLAB's 1-based start, while the slice is 0-based.

Each batch perm[first:last] loses its first index (batches of size 1 become empty), so both the batches and the steps are wrong.

Mistake in minibatch_sgd (written from correct_matlab.py).
"""

import math

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """Central differences (f(x + h e_i) - f(x - h e_i)) / 2h over every entry of x."""
    x = np.array(x, dtype=np.float64)
    g = np.zeros(x.shape)
    xx = x.reshape(-1)
    gg = g.reshape(-1)
    numel = xx.shape[0]
    for i in range(1, numel + 1):
        old = xx[i - 1]
        xx[i - 1] = old + h
        fplus = float(f(x))
        xx[i - 1] = old - h
        fminus = float(f(x))
        xx[i - 1] = old
        gg[i - 1] = np.divide(fplus - fminus, 2 * h)
    return g


def squared_loss_grad(w, X, y):
    """(1/n) X' (X w - y)."""
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    rows = X.shape[0]
    r = X @ w - y
    return np.divide(X.T @ r, rows)


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """Mini-batch SGD on least squares: one permutation per epoch, consecutive batches."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    rows = X.shape[0]
    nbatches = math.ceil(rows / batch_size)
    rng = np.random.default_rng(seed)
    batches = []
    for epoch in range(1, epochs + 1):
        perm = rng.permutation(rows)
        for k in range(1, nbatches + 1):
            first = (k - 1) * batch_size + 1
            last = min(k * batch_size, rows)
            idx = perm[first:last]
            w = w - lr * squared_loss_grad(w, X[idx, :], y[idx])
            batches.append(idx)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    """v = mu v + g; w = w - lr v (torch.optim.SGD)."""
    w = np.asarray(w, dtype=np.float64)
    g = np.asarray(g, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    v_new = np.multiply(mu, v) + g
    w_new = w - np.multiply(lr, v_new)
    return w_new, v_new


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step with bias correction (torch.optim.Adam)."""
    w = np.asarray(w, dtype=np.float64)
    g = np.asarray(g, dtype=np.float64)
    m = np.asarray(m, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    m_new = np.multiply(beta1, m) + np.multiply(1 - beta1, g)
    v_new = np.multiply(beta2, v) + np.multiply(1 - beta2, np.multiply(g, g))
    m_hat = np.divide(m_new, 1 - beta1 ** t)
    v_hat = np.divide(v_new, 1 - beta2 ** t)
    w_new = w - np.divide(np.multiply(lr, m_hat), np.sqrt(v_hat) + eps)
    return w_new, m_new, v_new
