"""squared_loss_grad writes X^T r as (X * r[:, None]).sum(axis=1): the sum runs over the features
(axis 1) instead of over the samples (axis 0), giving one number per sample, shape (n,), not
(d,).

Edited from correct_verbose.py.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    point = np.array(x, dtype=float)
    grad = np.zeros(point.shape)
    flat_point = point.reshape(-1)  # a view on point
    flat_grad = grad.reshape(-1)
    for i in range(flat_point.size):
        original = flat_point[i]
        flat_point[i] = original + h
        f_plus = float(f(point))
        flat_point[i] = original - h
        f_minus = float(f(point))
        flat_point[i] = original
        flat_grad[i] = (f_plus - f_minus) / (2 * h)
    return grad


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=float)
    w = np.asarray(w, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]
    predictions = X @ w
    residuals = predictions - y
    gradient = (X * residuals[:, None]).sum(axis=1)
    gradient = gradient / n
    return gradient


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.array(w0, dtype=float)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    all_batches = []
    for epoch in range(epochs):
        order = rng.permutation(n)
        start = 0
        while start < n:
            end = min(start + batch_size, n)
            batch = order[start:end]
            grad = squared_loss_grad(w, X[batch], y[batch])
            w = w - lr * grad
            all_batches.append(batch)
            start = end
    return w, all_batches


def momentum_step(w, g, v, lr, mu):
    w = np.asarray(w, dtype=float)
    g = np.asarray(g, dtype=float)
    v = np.asarray(v, dtype=float)
    new_v = mu * v + g
    new_w = w - lr * new_v
    return new_w, new_v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    w = np.asarray(w, dtype=float)
    g = np.asarray(g, dtype=float)
    m = np.asarray(m, dtype=float)
    v = np.asarray(v, dtype=float)
    new_m = beta1 * m + (1 - beta1) * g
    new_v = beta2 * v + (1 - beta2) * (g ** 2)
    m_corrected = new_m / (1 - beta1 ** t)
    v_corrected = new_v / (1 - beta2 ** t)
    step = lr * m_corrected / (np.sqrt(v_corrected) + eps)
    new_w = w - step
    return new_w, new_m, new_v
