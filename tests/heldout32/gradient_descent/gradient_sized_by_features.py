"""The running gradient is started as np.zeros(X.shape[1]) instead of np.zeros(w.shape).

For column vectors w (d, 1) the first update broadcasts (d,) against (d, 1) and the gradient comes
out (d, d).

Single mistake in squared_loss_grad; written from correct_online.
"""

import math

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """Central differences, one entry at a time."""
    point = np.array(x, dtype=np.float64)
    g = np.zeros(point.shape)
    for index in np.ndindex(point.shape):
        saved = point[index]
        point[index] = saved + h
        up = float(f(point))
        point[index] = saved - h
        down = float(f(point))
        point[index] = saved
        g[index] = (up - down) / (2 * h)
    return g


def squared_loss_grad(w, X, y):
    """The running mean over the rows of x_i (x_i.w - y_i), with w's shape."""
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    g = np.zeros(X.shape[1])
    for i in range(X.shape[0]):
        residual = X[i] @ w - y[i]
        g_i = np.multiply.outer(X[i], residual)
        g = g + (g_i - g) / (i + 1)
    return g


def _batch_update(w, X_b, y_b, lr):
    return w - lr * squared_loss_grad(w, X_b, y_b)


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """Mini-batch SGD, one batch at a time through _batch_update."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        start = 0
        while start < n:
            b = perm[start:start + batch_size]
            w = _batch_update(w, X[b], y[b], lr)
            batches.append(b)
            start += batch_size
    return w, batches


def _momentum_entry(w_i, g_i, v_i, lr, mu):
    v_i = mu * v_i + g_i
    return w_i - lr * v_i, v_i


def momentum_step(w, g, v, lr, mu):
    """v <- mu v + g, w <- w - lr v, one entry at a time."""
    w = np.array(w, dtype=np.float64)
    g = np.broadcast_to(np.asarray(g, dtype=np.float64), w.shape)
    v = np.array(np.broadcast_to(np.asarray(v, dtype=np.float64), w.shape))
    for index in np.ndindex(w.shape):
        w[index], v[index] = _momentum_entry(w[index], g[index], v[index], lr, mu)
    return w, v


def _adam_entry(w_i, g_i, m_i, v_i, t, lr, beta1, beta2, eps):
    m_i = beta1 * m_i + (1 - beta1) * g_i
    v_i = beta2 * v_i + (1 - beta2) * g_i * g_i
    m_hat = m_i / (1 - beta1**t)
    v_hat = v_i / (1 - beta2**t)
    return w_i - lr * m_hat / (math.sqrt(v_hat) + eps), m_i, v_i


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step, one entry at a time."""
    w = np.array(w, dtype=np.float64)
    g = np.broadcast_to(np.asarray(g, dtype=np.float64), w.shape)
    m = np.array(np.broadcast_to(np.asarray(m, dtype=np.float64), w.shape))
    v = np.array(np.broadcast_to(np.asarray(v, dtype=np.float64), w.shape))
    for index in np.ndindex(w.shape):
        w[index], m[index], v[index] = _adam_entry(
            w[index], g[index], m[index], v[index], t, lr, beta1, beta2, eps)
    return w, m, v
