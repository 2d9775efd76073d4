"""log g^2 is taken as 2 log g without the absolute value.

The log of a negative gradient entry is NaN: every entry of v (and of w) where g < 0 becomes
NaN.

Graded: adam_step. Written from correct_logdomain.py.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        keep = x[idx]
        x[idx] = keep + h
        up = float(f(x))
        x[idx] = keep - h
        down = float(f(x))
        x[idx] = keep
        g[idx] = (up - down) / (2.0 * h)
    return g


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    residual = X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)
    return X.T @ residual / np.exp(np.log(X.shape[0]))


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
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
    v = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) - lr * v, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = beta1 * np.asarray(m, dtype=np.float64) + (1.0 - beta1) * g
    with np.errstate(divide="ignore"):  # log 0 = -inf: beta = 0, v = 0 or g = 0
        # log v = log(beta2 v + (1 - beta2) g^2), the g^2 as 2 log|g|
        log_v = np.logaddexp(np.log(beta2) + np.log(np.asarray(v, dtype=np.float64)),
                             np.log1p(-beta2) + 2.0 * np.log(g))
        log_c1 = np.log(-np.expm1(t * np.log(beta1)))   # log(1 - beta1^t)
        log_c2 = np.log(-np.expm1(t * np.log(beta2)))   # log(1 - beta2^t)
    v = np.exp(log_v)
    m_hat = m / np.exp(log_c1)
    root_v_hat = np.exp(0.5 * (log_v - log_c2))
    w = np.asarray(w, dtype=np.float64) - lr * m_hat / (root_v_hat + eps)
    return w, m, v
