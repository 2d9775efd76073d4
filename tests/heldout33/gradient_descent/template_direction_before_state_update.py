"""The base class's step() asks for the direction before it updates the optimizer's state.

The template method calls direction() with the OLD state: momentum moves w by the old velocity
(returning the new one), and Adam steps with the old moments (no step at all from m = v = 0).

Graded: momentum_step, adam_step. Written from correct_inheritance.py.
"""

from abc import ABC, abstractmethod

import numpy as np


class FiniteDifference(ABC):
    def __init__(self, h):
        self.h = h

    @abstractmethod
    def difference(self, f, x, idx):
        """The estimate of df/dx[idx]; x must be left as it was."""

    def gradient(self, f, x):
        x = np.array(x, dtype=np.float64)
        g = np.zeros_like(x)
        for idx in np.ndindex(x.shape):
            g[idx] = self.difference(f, x, idx)
        return g


class CentralDifference(FiniteDifference):
    def difference(self, f, x, idx):
        old = x[idx]
        x[idx] = old + self.h
        plus = float(f(x))
        x[idx] = old - self.h
        minus = float(f(x))
        x[idx] = old
        return (plus - minus) / (2 * self.h)


class Loss(ABC):
    @abstractmethod
    def grad(self, w, X, y):
        """dL/dw."""


class SquaredLoss(Loss):
    def grad(self, w, X, y):
        X = np.asarray(X, dtype=np.float64)
        r = X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)
        return X.T @ r / X.shape[0]


class Optimizer(ABC):
    def __init__(self, lr):
        self.lr = lr

    def update_state(self, g):
        """Advance the optimiser's state with the gradient g (no state by default)."""
        return None

    @abstractmethod
    def direction(self, g):
        """The vector the step moves against."""

    def step(self, w, g):
        g = np.asarray(g, dtype=np.float64)
        step = self.lr * self.direction(g)
        self.update_state(g)
        return np.asarray(w, dtype=np.float64) - step


class SGD(Optimizer):
    def direction(self, g):
        return g


class Momentum(Optimizer):
    def __init__(self, lr, mu, v):
        super().__init__(lr)
        self.mu = mu
        self.v = np.asarray(v, dtype=np.float64)

    def update_state(self, g):
        self.v = self.mu * self.v + g

    def direction(self, g):
        return self.v


class Adam(Optimizer):
    beta1, beta2, eps = 0.9, 0.999, 1e-8  # torch's defaults

    def __init__(self, lr, m, v, t, **hyper):
        super().__init__(lr)
        self.m = np.asarray(m, dtype=np.float64)
        self.v = np.asarray(v, dtype=np.float64)
        self.t = t
        for name, value in hyper.items():
            setattr(self, name, value)

    def update_state(self, g):
        self.m = self.beta1 * self.m + (1 - self.beta1) * g
        self.v = self.beta2 * self.v + (1 - self.beta2) * g * g

    def direction(self, g):
        m_hat = self.m / (1 - self.beta1 ** self.t)
        v_hat = self.v / (1 - self.beta2 ** self.t)
        return m_hat / (np.sqrt(v_hat) + self.eps)


def numerical_gradient(f, x, h=1e-5):
    return CentralDifference(h).gradient(f, x)


def squared_loss_grad(w, X, y):
    return SquaredLoss().grad(w, X, y)


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    loss, opt = SquaredLoss(), SGD(lr)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for start in range(0, n, batch_size):
            b = perm[start:start + batch_size]
            w = opt.step(w, loss.grad(w, X[b], y[b]))
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    opt = Momentum(lr, mu, v)
    w = opt.step(w, g)
    return w, opt.v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    opt = Adam(lr, m, v, t, beta1=beta1, beta2=beta2, eps=eps)
    w = opt.step(w, g)
    return w, opt.m, opt.v
