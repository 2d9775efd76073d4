"""Numerical gradients and gradient descent with exact arithmetic where it is natural: the
central difference divides the exact difference of the two function values by the exact width
2h (fractions.Fraction, one rounding at the end); the mean over n samples uses the exact factor
1/n; the number of mini-batches per epoch is the exact ceiling -(-n // B); Adam's bias
corrections 1 - beta^t are computed exactly from the betas and converted once. Everything else is
numpy floats.

Correct solution (style: fractions).
"""

from fractions import Fraction

import numpy as np


def _exact(v):
    return Fraction(float(v))


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    width = 2 * _exact(h)                           # exactly 2h
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        f_plus = _exact(f(x))
        x[i] = old - h
        f_minus = _exact(f(x))
        x[i] = old
        g[i] = float((f_plus - f_minus) / width)
    return g


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    r = X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)
    return X.T @ r * float(Fraction(1, X.shape[0]))


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    count = -(-n // batch_size)                     # ceil(n / B), exactly
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for j in range(count):
            b = perm[j * batch_size:(j + 1) * batch_size]
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64) - lr * v
    return w, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = beta1 * np.asarray(m, dtype=np.float64) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=np.float64) + (1 - beta2) * g * g
    c1 = float(1 - _exact(beta1) ** int(t))
    c2 = float(1 - _exact(beta2) ** int(t))
    w = np.asarray(w, dtype=np.float64) - lr * (m / c1) / (np.sqrt(v / c2) + eps)
    return w, m, v
