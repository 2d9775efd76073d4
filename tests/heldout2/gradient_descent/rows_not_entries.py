"""numerical_gradient: Loops over range(len(x)) and perturbs x[i], which for a 2-D x is a whole row
(and old = x[i] is then a view, so the row is not even perturbed symmetrically): each row of the
gradient gets one shared number instead of one per entry. Right for 1-D x only.

Held-out batch 2 (H4): correct_numpy.py with this one mistake.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    grad = np.zeros(np.shape(x), dtype=float)
    for i in range(len(x)):
        old = x[i]
        x[i] = old + h
        f_plus = f(x)
        x[i] = old - h
        f_minus = f(x)
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=float)
    residual = X @ w - y
    return X.T @ residual / X.shape[0]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    n = X.shape[0]
    w = np.array(w0, dtype=float)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = perm[start:start + batch_size]
            w = w - lr * squared_loss_grad(w, X[idx], y[idx])
            batches.append(idx)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v_new = mu * v + g
    return w - lr * v_new, v_new


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    m_new = beta1 * m + (1 - beta1) * g
    v_new = beta2 * v + (1 - beta2) * g**2
    m_hat = m_new / (1 - beta1**t)
    v_hat = v_new / (1 - beta2**t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m_new, v_new
