"""Gradient descent with scipy where a student reaches for it: the central difference is the
mean of two one-sided scipy.optimize.approx_fprime estimates (steps +h and -h) on the flattened
x, the least-squares gradient is written as the normal-equation form X^T X w - X^T y over n,
and the epoch's batches come from np.array_split at the multiples of the batch size.

Correct solution (style: scipy).
"""

import numpy as np
from scipy.optimize import approx_fprime


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    shape = x.shape

    def flat_f(v):
        return float(f(v.reshape(shape)))

    forward = approx_fprime(x.ravel(), flat_f, h)
    backward = approx_fprime(x.ravel(), flat_f, -h)
    return ((forward + backward) / 2).reshape(shape)


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    return (X.T @ X @ w - X.T @ y) / n


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for b in np.array_split(perm, range(batch_size, n, batch_size)):
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v_new = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) - lr * v_new, v_new


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m_new = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
    v_new = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * np.square(g)
    m_hat = m_new / (1 - beta1**t)
    v_hat = v_new / (1 - beta2**t)
    w_new = np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w_new, m_new, v_new
