"""The velocity is kept with the opposite sign (v = mu v - g, w = w + lr v, the form of some
lecture notes) instead of torch.optim.SGD's v = mu v + g, w = w - lr v: starting from v = 0 the
weights agree, but the returned velocity is negated, and a velocity in torch's convention passed
in gives wrong weights.

Mistake in `momentum_step`, written in the style of correct_vectorize.py (vectorize).
"""

import math

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x0 = np.array(x, dtype=np.float64)          # a private copy: the caller's x is not touched
    flat = x0.ravel()

    def partial(i):
        bump = np.zeros(flat.size)
        bump[i] = h
        f_plus = float(f((flat + bump).reshape(x0.shape)))
        f_minus = float(f((flat - bump).reshape(x0.shape)))
        return (f_plus - f_minus) / (2 * h)

    g = np.vectorize(partial, otypes=[float])(np.arange(flat.size))
    return g.reshape(x0.shape)


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    r = X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)
    return X.T @ r / X.shape[0]


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


def _momentum(w, g, v, lr, mu):
    v_new = mu * v - g
    return w + lr * v_new, v_new


def _adam(w, g, m, v, t, lr, beta1, beta2, eps):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return w - lr * m_hat / (math.sqrt(v_hat) + eps), m, v


momentum_v = np.vectorize(_momentum, otypes=[float, float])
adam_v = np.vectorize(_adam, otypes=[float, float, float])


def momentum_step(w, g, v, lr, mu):
    w_new, v_new = momentum_v(np.asarray(w, dtype=np.float64), np.asarray(g, dtype=np.float64),
                              np.asarray(v, dtype=np.float64), lr, mu)
    return w_new, v_new


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    w_new, m_new, v_new = adam_v(np.asarray(w, dtype=np.float64), np.asarray(g, dtype=np.float64),
                                 np.asarray(m, dtype=np.float64), np.asarray(v, dtype=np.float64),
                                 t, lr, beta1, beta2, eps)
    return w_new, m_new, v_new
