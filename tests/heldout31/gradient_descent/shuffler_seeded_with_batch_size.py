"""Shuffler.__init__ seeds its generator with batch_size instead of seed.

The permutations come from default_rng(batch_size): the batches and weights differ from the
seeded run (and do not change with the seed).

Single mistake in minibatch_sgd; written from correct_callables.
"""

from functools import partial

import numpy as np


class CentralDifference:
    def __init__(self, h):
        self.h = h

    def __call__(self, f, x):
        x = np.array(x, dtype=float)
        g = np.zeros_like(x)
        for i in np.ndindex(x.shape):
            old = x[i]
            x[i] = old + self.h
            up = float(f(x))
            x[i] = old - self.h
            down = float(f(x))
            x[i] = old
            g[i] = (up - down) / (2 * self.h)
        return g


def numerical_gradient(f, x, h=1e-5):
    """Central differences on a private copy of x."""
    return CentralDifference(h)(f, x)


class SquaredLossGrad:
    def __call__(self, w, X, y):
        X = np.asarray(X, dtype=float)
        r = X @ np.asarray(w, dtype=float) - np.asarray(y, dtype=float)
        return X.T @ r / X.shape[0]


squared_loss_grad = SquaredLossGrad()


class GradientStep:
    def __init__(self, lr, grad):
        self.lr = lr
        self.grad = grad

    def __call__(self, w, X, y):
        return w - self.lr * self.grad(w, X, y)


class Shuffler:
    def __init__(self, n, batch_size, seed):
        self.n = n
        self.batch_size = batch_size
        self.rng = np.random.default_rng(batch_size)

    def __call__(self):
        perm = self.rng.permutation(self.n)
        return [perm[s:s + self.batch_size] for s in range(0, self.n, self.batch_size)]


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """Mini-batch SGD on least squares with one permutation per epoch."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.array(w0, dtype=float)
    step = GradientStep(lr, squared_loss_grad)
    shuffle = Shuffler(X.shape[0], batch_size, seed)
    batches = []
    for _ in range(epochs):
        for b in shuffle():
            w = step(w, X[b], y[b])
            batches.append(b)
    return w, batches


class Momentum:
    def __init__(self, lr, mu):
        self.lr = lr
        self.mu = mu

    def __call__(self, w, g, v):
        v = self.mu * np.asarray(v, dtype=float) + np.asarray(g, dtype=float)
        return np.asarray(w, dtype=float) - self.lr * v, v


def momentum_step(w, g, v, lr, mu):
    """v <- mu v + g; w <- w - lr v."""
    return Momentum(lr, mu)(w, g, v)


def _ema(beta, old, new):
    return beta * old + (1 - beta) * new


class Adam:
    def __init__(self, lr, beta1, beta2, eps):
        self.lr = lr
        self.first = partial(_ema, beta1)
        self.second = partial(_ema, beta2)
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps

    def __call__(self, w, g, m, v, t):
        g = np.asarray(g, dtype=float)
        m = self.first(np.asarray(m, dtype=float), g)
        v = self.second(np.asarray(v, dtype=float), g * g)
        m_hat = m / (1 - self.beta1**t)
        v_hat = v / (1 - self.beta2**t)
        w = np.asarray(w, dtype=float) - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return w, m, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step with bias correction; returns (w, m, v) with the new raw moments."""
    return Adam(lr, beta1, beta2, eps)(w, g, m, v, t)
