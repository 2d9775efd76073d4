"""adam_step builds its optimizer as Adam(lr, beta1, beta1, eps): beta1 is passed for beta2 too.

Copy-paste slip in the constructor call: the second moment decays with beta1 (v = beta1 v + (1 -
beta1) g^2) and is bias-corrected with 1 - beta1^t, so v, v_hat and the step are wrong whenever
beta1 != beta2.

Graded: adam_step; written from correct_protocols.py.
"""

from typing import Protocol

import numpy as np


class Loss(Protocol):
    def grad(self, w: np.ndarray, X: np.ndarray, y: np.ndarray) -> np.ndarray: ...


class Difference(Protocol):
    def partial(self, f, x: np.ndarray, index: tuple) -> float: ...


class Optimizer(Protocol):
    def step(self, w: np.ndarray, g: np.ndarray, state: tuple) -> tuple: ...


class LeastSquares:
    def grad(self, w, X, y):
        residual = X @ w - y
        return X.T @ residual / X.shape[0]


class Central:
    def __init__(self, h=1e-5):
        self.h = h

    def partial(self, f, x, index):
        old = x[index]
        x[index] = old + self.h
        up = float(f(x))
        x[index] = old - self.h
        down = float(f(x))
        x[index] = old
        return (up - down) / (2 * self.h)


class Momentum:
    def __init__(self, lr, mu):
        self.lr, self.mu = lr, mu

    def step(self, w, g, state):
        (v,) = state
        v = self.mu * v + g
        return w - self.lr * v, (v,)


class Adam:
    def __init__(self, lr, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps

    def step(self, w, g, state):
        m, v, t = state
        m = self.beta1 * m + (1 - self.beta1) * g
        v = self.beta2 * v + (1 - self.beta2) * g * g
        m_hat = m / (1 - self.beta1 ** t)
        v_hat = v / (1 - self.beta2 ** t)
        return w - self.lr * m_hat / (np.sqrt(v_hat) + self.eps), (m, v, t)


def _f64(a):
    return np.asarray(a, dtype=np.float64)


def numerical_gradient(f, x, h=1e-5):
    """Every entry's central difference, on a private copy of x."""
    point = np.array(x, dtype=np.float64)
    rule: Difference = Central(h)
    g = np.zeros_like(point)
    for index in np.ndindex(point.shape):
        g[index] = rule.partial(f, point, index)
    return g


def squared_loss_grad(w, X, y):
    """(1/n) X^T (Xw - y), through the Loss protocol."""
    loss: Loss = LeastSquares()
    return loss.grad(_f64(w), _f64(X), _f64(y))


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """One permutation per epoch, consecutive slices, one gradient step per slice."""
    X, y = _f64(X), _f64(y)
    w = np.array(w0, dtype=np.float64)
    loss: Loss = LeastSquares()
    rng = np.random.default_rng(seed)
    n = X.shape[0]
    batches = []
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            batch = order[start:start + batch_size]
            w -= lr * loss.grad(w, X[batch], y[batch])
            batches.append(batch)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    """torch.optim.SGD with momentum: v <- mu v + g; w <- w - lr v."""
    opt: Optimizer = Momentum(lr, mu)
    w, (v,) = opt.step(_f64(w), _f64(g), (_f64(v),))
    return w, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """torch.optim.Adam with bias correction, t counting from 1."""
    opt: Optimizer = Adam(lr, beta1, beta1, eps)
    w, (m, v, _) = opt.step(_f64(w), _f64(g), (_f64(m), _f64(v), t))
    return w, m, v
