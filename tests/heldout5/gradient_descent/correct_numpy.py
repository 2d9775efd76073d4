"""Gradient descent helpers in numpy, one loop per entry where needed (correct)."""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"])
    while not it.finished:
        idx = it.multi_index
        saved = x[idx]
        x[idx] = saved + h
        up = f(x)
        x[idx] = saved - h
        down = f(x)
        x[idx] = saved
        grad[idx] = (up - down) / (2 * h)
        it.iternext()
    return grad


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    residual = X.dot(w) - y
    return X.T.dot(residual) / n


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(X)
    rng = np.random.default_rng(seed)
    w = np.array(w0, dtype=float)
    batches = []
    for epoch in range(epochs):
        order = rng.permutation(n)
        start = 0
        while start < n:
            idx = order[start:start + batch_size]
            w = w - lr * squared_loss_grad(w, X[idx], y[idx])
            batches.append(idx)
            start += batch_size
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v_new = mu * np.asarray(v, dtype=float) + g
    w_new = np.asarray(w, dtype=float) - lr * v_new
    return w_new, v_new


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * g
    v_new = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * g ** 2
    m_hat = m_new / (1 - beta1 ** t)
    v_hat = v_new / (1 - beta2 ** t)
    w_new = np.asarray(w, dtype=float) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w_new, m_new, v_new
