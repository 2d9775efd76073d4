"""The batch gradients are accumulated over the epoch and applied in one step at its end: every
gradient of an epoch is taken at the same w (the epoch's start), not one step per batch, so the
result differs whenever an epoch has more than one batch.

Mistake in `minibatch_sgd`; written in the style of correct_oop.py.
"""

from dataclasses import dataclass

import numpy as np


class Probe:
    def __init__(self, f, x):
        self.f = f
        self.x = np.array(x, dtype=np.float64)

    def at(self, index, delta):
        old = self.x[index]
        self.x[index] = old + delta
        try:
            return float(self.f(self.x))
        finally:
            self.x[index] = old


def numerical_gradient(f, x, h=1e-5):
    probe = Probe(f, x)
    g = np.zeros_like(probe.x)
    for i in np.ndindex(g.shape):
        g[i] = (probe.at(i, h) - probe.at(i, -h)) / (2 * h)
    return g


@dataclass(frozen=True)
class LeastSquares:
    X: np.ndarray
    y: np.ndarray

    @property
    def n(self):
        return self.X.shape[0]

    def residual(self, w):
        return self.X @ w - self.y

    def grad(self, w):
        return self.X.T @ self.residual(w) / self.n

    def batch(self, idx):
        return LeastSquares(self.X[idx], self.y[idx])


def squared_loss_grad(w, X, y):
    problem = LeastSquares(np.asarray(X, dtype=np.float64), np.asarray(y, dtype=np.float64))
    return problem.grad(np.asarray(w, dtype=np.float64))


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    problem = LeastSquares(np.asarray(X, dtype=np.float64), np.asarray(y, dtype=np.float64))
    w = np.array(w0, dtype=np.float64)
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(problem.n)
        step = np.zeros_like(w)
        for start in range(0, problem.n, batch_size):
            idx = perm[start:start + batch_size]
            step = step + problem.batch(idx).grad(w)
            batches.append(idx)
        w = w - lr * step
    return w, batches


@dataclass(frozen=True)
class Momentum:
    lr: float
    mu: float

    def step(self, w, g, v):
        v = self.mu * v + g
        return w - self.lr * v, v


def momentum_step(w, g, v, lr, mu):
    return Momentum(lr, mu).step(np.asarray(w, dtype=np.float64),
                                 np.asarray(g, dtype=np.float64),
                                 np.asarray(v, dtype=np.float64))


@dataclass(frozen=True)
class Adam:
    lr: float
    beta1: float
    beta2: float
    eps: float

    def moments(self, g, m, v):
        return self.beta1 * m + (1 - self.beta1) * g, self.beta2 * v + (1 - self.beta2) * g * g

    def step(self, w, g, m, v, t):
        m, v = self.moments(g, m, v)
        m_hat = m / (1 - self.beta1**t)
        v_hat = v / (1 - self.beta2**t)
        return w - self.lr * m_hat / (np.sqrt(v_hat) + self.eps), m, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    opt = Adam(lr, beta1, beta2, eps)
    return opt.step(np.asarray(w, dtype=np.float64), np.asarray(g, dtype=np.float64),
                    np.asarray(m, dtype=np.float64), np.asarray(v, dtype=np.float64), t)
