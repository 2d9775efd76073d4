"""w is np.asarray(w0) (no copy) and updated in place with -=: the caller's w0 array is overwritten with the trained weights.

Graded function: minibatch_sgd. Edited from correct_functional.py.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)

    def shifted(i, delta):
        moved = x.copy()
        moved.flat[i] += delta
        return moved

    diffs = [(float(f(shifted(i, h))) - float(f(shifted(i, -h)))) / (2 * h) for i in range(x.size)]
    return np.array(diffs, dtype=np.float64).reshape(x.shape)


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    residual = np.dot(X, np.asarray(w, dtype=np.float64)) - np.asarray(y, dtype=np.float64)
    return np.dot(X.T, residual) / X.shape[0]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.asarray(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    used = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for b in [perm[s : s + batch_size] for s in range(0, n, batch_size)]:
            w -= lr * squared_loss_grad(w, X[b], y[b])
            used.append(b)
    return w, used


def momentum_step(w, g, v, lr, mu):
    v_new = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) - lr * v_new, v_new


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m_new = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
    v_new = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * g**2
    m_hat = m_new / (1 - beta1**t)
    v_hat = v_new / (1 - beta2**t)
    w_new = np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w_new, m_new, v_new
