"""Gradients and optimisers as linear algebra: the numerical gradient perturbs x along the
standard basis vectors e_i (rows of np.eye(1, size, i) reshaped like x); the least-squares
gradient is Xᵀ r / n with np.dot; mini-batch SGD, momentum and Adam are written as vector
updates, Adam's second moment as the elementwise square g ⊙ g.

Correct solution (style: linalg).
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    g = np.zeros(x.size)
    for i in range(x.size):
        e_i = np.eye(1, x.size, i).reshape(x.shape)         # the i-th basis vector
        g[i] = (float(f(x + h * e_i)) - float(f(x - h * e_i))) / (2 * h)
    return g.reshape(x.shape)


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    r = np.dot(X, np.asarray(w, dtype=np.float64)) - np.asarray(y, dtype=np.float64)
    return np.dot(X.T, r) / X.shape[0]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for start in range(0, n, batch_size):
            b = perm[start:start + batch_size]
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) - lr * v, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * np.multiply(g, g)
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
