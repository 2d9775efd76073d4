"""Gradient descent, student style: explicit loops, copies made by hand."""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    base = np.array(x, dtype=np.float64)
    grad = np.zeros(base.shape)
    flat_grad = grad.reshape(-1)
    for i in range(base.size):
        plus = base.copy().reshape(-1)
        minus = base.copy().reshape(-1)
        plus[i] = plus[i] + h
        minus[i] = minus[i] - h
        f_plus = float(f(plus.reshape(base.shape)))
        f_minus = float(f(minus.reshape(base.shape)))
        flat_grad[i] = (f_plus - f_minus) / (2.0 * h)
    return grad


def squared_loss_grad(w, X, y):
    w = np.asarray(w, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0]
    residual = X.dot(w) - y
    grad = X.T.dot(residual) / n
    return grad.reshape(w.shape)


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for epoch in range(epochs):
        order = rng.permutation(n)
        start = 0
        while start < n:
            end = min(start + batch_size, n)
            idx = order[start:end]
            step = squared_loss_grad(w, X[idx], y[idx])
            w = w - lr * step
            batches.append(idx)
            start = end
    return w, batches


def momentum_step(w, g, v, lr, mu):
    w = np.asarray(w, dtype=np.float64)
    g = np.asarray(g, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    new_v = mu * v + g
    new_w = w - lr * new_v
    return new_w, new_v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    w = np.asarray(w, dtype=np.float64)
    g = np.asarray(g, dtype=np.float64)
    m_new = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
    v_new = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * g * g
    m_hat = m_new / (1 - beta1 ** t)
    v_hat = v_new / (1 - beta2 ** t)
    w_new = w - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w_new, m_new, v_new
