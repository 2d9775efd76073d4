"""Gradient descent written assert-first: guard clauses (`if not ...: raise ValueError`) state
what each function needs (h > 0, matching shapes, batch_size >= 1, t >= 1) before any work;
the updates below them are plain numpy.

Correct solution (style: asserts).
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """Central differences, one entry at a time, on a private copy of x."""
    if not h > 0:
        raise ValueError("h must be positive")
    point = np.array(x, dtype=float)
    g = np.zeros_like(point)
    for idx in np.ndindex(point.shape):
        saved = point[idx]
        point[idx] = saved + h
        up = float(f(point))
        point[idx] = saved - h
        down = float(f(point))
        point[idx] = saved
        g[idx] = (up - down) / (2 * h)
    return g


def squared_loss_grad(w, X, y):
    """(1/n) X^T (X w - y), the shape of w."""
    X = np.asarray(X, dtype=float)
    w = np.asarray(w, dtype=float)
    y = np.asarray(y, dtype=float)
    if not (X.ndim == 2 and X.shape[1] == w.shape[0] and X.shape[0] == y.shape[0]):
        raise ValueError("shapes of w, X and y disagree")
    residual = X @ w - y
    return X.T @ residual / X.shape[0]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """One permutation per epoch, consecutive slices of batch_size, one step per slice."""
    if not batch_size >= 1:
        raise ValueError("batch_size must be at least 1")
    if not epochs >= 0:
        raise ValueError("epochs must be >= 0")
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.array(w0, dtype=float)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            w = w - lr * squared_loss_grad(w, X[idx], y[idx])
            batches.append(idx)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    """v <- mu v + g; w <- w - lr v."""
    w = np.asarray(w, dtype=float)
    g = np.asarray(g, dtype=float)
    v = np.asarray(v, dtype=float)
    if not np.broadcast_shapes(w.shape, g.shape, v.shape) == w.shape:
        raise ValueError("g and v must fit the shape of w")
    v_new = mu * v + g
    return w - lr * v_new, v_new


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """torch.optim.Adam: moments, bias correction with t from 1, then the step."""
    if not t >= 1:
        raise ValueError("t counts from 1")
    w = np.asarray(w, dtype=float)
    g = np.asarray(g, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * g
    v_new = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * g ** 2
    m_hat = m_new / (1 - beta1 ** t)
    v_hat = v_new / (1 - beta2 ** t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m_new, v_new
