"""Each step takes the gradient on the whole data set, squared_loss_grad(w, X, y), instead of on
the batch X[b], y[b]: the batches are recorded but every step is a full-batch GD step.

Edited from correct_student.py.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    work = x.copy()  # so the caller's x stays as it was
    flat = work.reshape(-1)  # a view into work
    grad = np.zeros(flat.shape[0])
    for i in range(flat.shape[0]):
        original = flat[i]
        flat[i] = original + h
        plus = float(f(work))
        flat[i] = original - h
        minus = float(f(work))
        flat[i] = original
        grad[i] = (plus - minus) / (2.0 * h)
    return grad.reshape(x.shape)


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=float)
    w = np.asarray(w, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    residual = X @ w.reshape(d) - y.reshape(n)
    grad = np.zeros(d)
    for j in range(d):
        total = 0.0
        for i in range(n):
            total += X[i, j] * residual[i]
        grad[j] = total / n
    return grad.reshape(w.shape)


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
            idx = order[start:start + batch_size]
            g = squared_loss_grad(w, X, y)
            w = w - lr * g
            all_batches.append(idx)
            start = start + batch_size
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
    new_m = beta1 * np.asarray(m, dtype=float) + (1.0 - beta1) * g
    new_v = beta2 * np.asarray(v, dtype=float) + (1.0 - beta2) * g ** 2
    m_hat = new_m / (1.0 - beta1 ** t)
    v_hat = new_v / (1.0 - beta2 ** t)
    new_w = w - lr * m_hat / (np.sqrt(v_hat) + eps)
    return new_w, new_m, new_v
