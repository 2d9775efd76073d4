"""The squared gradient in the second moment is np.dot(g, g) = ||g||^2, one number added to every
entry, instead of the elementwise square g*g: v, and the per-coordinate step sizes, are wrong
for every g with more than one non-zero entry (Adam becomes a global-norm method).

Graded function: `adam_step`. Written in the style of correct_linalg.py.
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
    v = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * np.dot(g, g)
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
