"""CentralDifference.shifted moves the entry of self.x itself instead of a copy.

point = self.x (no .copy()): the +h probe leaves x shifted, so the -h probe lands back at x and
g_i = (f(x + h e_i) - f(x)) / 2h, half a forward difference (the caller's x is safe, self.x is
already a copy).

Graded: numerical_gradient (written from correct_properties.py).
"""

from functools import cached_property

import numpy as np


class CentralDifference:
    """The central-difference gradient of f at x with step h."""

    def __init__(self, f, x, h):
        self.f = f
        self.x = np.array(x, dtype=np.float64)
        self.h = h

    def shifted(self, index, step):
        point = self.x
        point[index] += step
        return float(self.f(point))

    @cached_property
    def gradient(self):
        g = np.zeros_like(self.x)
        for index in np.ndindex(self.x.shape):
            g[index] = (self.shifted(index, self.h) - self.shifted(index, -self.h)) / (2 * self.h)
        return g


class LeastSquares:
    """L(w) = (1/2n) ||X w - y||^2 at one w."""

    def __init__(self, w, X, y):
        self.w = np.asarray(w, dtype=np.float64)
        self.X = np.asarray(X, dtype=np.float64)
        self.y = np.asarray(y, dtype=np.float64)

    @property
    def n(self):
        return self.X.shape[0]

    @cached_property
    def residual(self):
        return self.X @ self.w - self.y

    @cached_property
    def gradient(self):
        return self.X.T @ self.residual / self.n


class Epoch:
    """One epoch's shuffle: one permutation drawn from rng, cut into consecutive batches."""

    def __init__(self, rng, n, batch_size):
        self.rng = rng
        self.n = n
        self.batch_size = batch_size

    @cached_property
    def perm(self):
        return self.rng.permutation(self.n)

    @cached_property
    def batches(self):
        return [self.perm[start:start + self.batch_size]
                for start in range(0, self.n, self.batch_size)]


class MomentumState:
    """One torch.optim.SGD momentum step from (w, v) with gradient g."""

    def __init__(self, w, g, v, lr, mu):
        self.w = np.asarray(w, dtype=np.float64)
        self.g = np.asarray(g, dtype=np.float64)
        self.v = np.asarray(v, dtype=np.float64)
        self.lr, self.mu = lr, mu

    @cached_property
    def velocity(self):
        return self.mu * self.v + self.g

    @cached_property
    def new_w(self):
        return self.w - self.lr * self.velocity


class AdamState:
    """One torch.optim.Adam step from (w, m, v) at step t with gradient g."""

    def __init__(self, w, g, m, v, t, lr, beta1, beta2, eps):
        self.w = np.asarray(w, dtype=np.float64)
        self.g = np.asarray(g, dtype=np.float64)
        self.m = np.asarray(m, dtype=np.float64)
        self.v = np.asarray(v, dtype=np.float64)
        self.t, self.lr = t, lr
        self.beta1, self.beta2, self.eps = beta1, beta2, eps

    @cached_property
    def new_m(self):
        return self.beta1 * self.m + (1 - self.beta1) * self.g

    @cached_property
    def new_v(self):
        return self.beta2 * self.v + (1 - self.beta2) * self.g * self.g

    @property
    def m_hat(self):
        return self.new_m / (1 - self.beta1**self.t)

    @property
    def v_hat(self):
        return self.new_v / (1 - self.beta2**self.t)

    @cached_property
    def new_w(self):
        return self.w - self.lr * self.m_hat / (np.sqrt(self.v_hat) + self.eps)


def numerical_gradient(f, x, h=1e-5):
    """Central differences of f at x; x is left alone."""
    return CentralDifference(f, x, h).gradient


def squared_loss_grad(w, X, y):
    """(1/n) X^T (X w - y), shaped like w."""
    return LeastSquares(w, X, y).gradient


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """Mini-batch SGD on least squares with one permutation per epoch."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    rng = np.random.default_rng(seed)
    used = []
    for _ in range(epochs):
        for batch in Epoch(rng, X.shape[0], batch_size).batches:
            w = w - lr * LeastSquares(w, X[batch], y[batch]).gradient
            used.append(batch)
    return w, used


def momentum_step(w, g, v, lr, mu):
    """(new w, new v) of one momentum step."""
    state = MomentumState(w, g, v, lr, mu)
    return state.new_w, state.velocity


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """(new w, new m, new v) of one Adam step."""
    state = AdamState(w, g, m, v, t, lr, beta1, beta2, eps)
    return state.new_w, state.new_m, state.new_v
