"""The velocity is mu (v + g) instead of mu v + g.

The gradient is damped by mu as well, so every step is mu times too small on the fresh gradient.

Single mistake in momentum_step; written from correct_eafp.
"""

import operator

import numpy as np


def _scalar(value):
    try:
        return float(value)
    except TypeError:
        return float(np.asarray(value).reshape(()))


def numerical_gradient(f, x, h=1e-5):
    """Central differences, one entry at a time, on a private copy of x."""
    x = np.array(x, dtype=np.float64)
    g = np.zeros_like(x)
    for i in range(x.size):
        old = x.flat[i]
        x.flat[i] = old + h
        f_plus = _scalar(f(x))
        x.flat[i] = old - h
        f_minus = _scalar(f(x))
        x.flat[i] = old
        g.flat[i] = (f_plus - f_minus) / (2 * h)
    return g


def squared_loss_grad(w, X, y):
    """(1/n) X^T (X w - y), the gradient of (1/2n) ||X w - y||^2."""
    X = np.asarray(X, dtype=np.float64)
    try:
        residual = X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)
    except ValueError as err:
        raise ValueError("the shapes of w, X and y disagree") from err
    return X.T @ residual / X.shape[0]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """One permutation per epoch, consecutive slices of batch_size, one step per slice."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    try:
        size = operator.index(batch_size)
    except TypeError as err:
        raise ValueError(f"batch_size must be an int, got {batch_size!r}") from err
    if size < 1:
        raise ValueError("batch_size must be at least 1")
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for start in range(0, n, size):
            batch = perm[start:start + size]
            w = w - lr * squared_loss_grad(w, X[batch], y[batch])
            batches.append(batch)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    """v <- mu v + g; w <- w - lr v."""
    try:
        v = mu * (np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64))
        w = np.asarray(w, dtype=np.float64) - lr * v
    except ValueError as err:
        raise ValueError("w, g and v must have the same shape") from err
    return w, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step with bias correction (torch.optim.Adam)."""
    try:
        g = np.asarray(g, dtype=np.float64)
        m = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
        v = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * g * g
    except ValueError as err:
        raise ValueError("g, m and v must have the same shape") from err
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    w = np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w, m, v
