"""The entry to perturb is found with np.unravel_index(i, x.shape, order='F') (column-major) while
the result is stored at flat position i of g (row-major): for a matrix x the partial derivatives
land at the wrong entries (g comes out in transposed order); vectors are fine.

Mistake in `numerical_gradient`; written in the style of correct_ufunc.py.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    g = np.zeros_like(x)
    flat = x.reshape(-1)
    gflat = g.reshape(-1)
    for i in range(flat.size):
        j = np.unravel_index(i, x.shape, order="F")
        old = x[j]
        x[j] = np.add(old, h)
        f_plus = float(f(x))
        x[j] = np.subtract(old, h)
        f_minus = float(f(x))
        x[j] = old
        gflat[i] = np.divide(np.subtract(f_plus, f_minus), np.multiply(2.0, h))
    return g


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    r = np.subtract(np.matmul(X, np.asarray(w, dtype=np.float64)),
                    np.asarray(y, dtype=np.float64))
    return np.divide(np.matmul(X.T, r), X.shape[0])


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for epoch in range(epochs):
        perm = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = perm[start:start + batch_size]
            Xb, yb = X[idx], y[idx]
            grad = np.divide(np.matmul(Xb.T, np.subtract(np.matmul(Xb, w), yb)), len(idx))
            w = np.subtract(w, np.multiply(lr, grad))
            batches.append(idx)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v = np.add(np.multiply(mu, np.asarray(v, dtype=np.float64)), np.asarray(g, dtype=np.float64))
    w = np.subtract(np.asarray(w, dtype=np.float64), np.multiply(lr, v))
    return w, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = np.add(np.multiply(beta1, m), np.multiply(1.0 - beta1, g))
    v = np.add(np.multiply(beta2, v), np.multiply(1.0 - beta2, np.square(g)))
    m_hat = np.divide(m, np.subtract(1.0, np.power(beta1, t)))
    v_hat = np.divide(v, np.subtract(1.0, np.power(beta2, t)))
    step = np.divide(np.multiply(lr, m_hat), np.add(np.sqrt(v_hat), eps))
    return np.subtract(np.asarray(w, dtype=np.float64), step), m, v
