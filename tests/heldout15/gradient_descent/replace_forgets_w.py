"""dataclasses.replace updates the velocity but forgets w=: the returned weights are the old ones,
so momentum_step never moves w (the velocity is right).

Single mistake in `momentum_step`; written in the style of correct_dataclass.
"""

from dataclasses import dataclass, field, replace

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = h
        g[i] = (float(f(x + step)) - float(f(x - step))) / (2 * h)
    return g


@dataclass
class LeastSquares:
    X: np.ndarray
    y: np.ndarray

    def __post_init__(self):
        self.X = np.atleast_2d(np.asarray(self.X, dtype=np.float64))
        self.y = np.asarray(self.y, dtype=np.float64)

    def grad(self, w):
        r = self.X @ np.asarray(w, dtype=np.float64) - self.y
        return self.X.T @ r / self.X.shape[0]


def squared_loss_grad(w, X, y):
    return LeastSquares(X, y).grad(w)


@dataclass
class SGDRun:
    problem: LeastSquares
    w: np.ndarray
    lr: float
    batch_size: int
    batches: list = field(default_factory=list)

    def plan(self, perm):
        n, B = len(perm), self.batch_size
        starts = list(range(0, n, B))
        ends = [*starts[1:], n]
        return [perm[s:e] for s, e in zip(starts, ends)]

    def epoch(self, rng):
        for b in self.plan(rng.permutation(self.problem.X.shape[0])):
            sub = LeastSquares(self.problem.X[b], self.problem.y[b])
            self.w = self.w - self.lr * sub.grad(self.w)
            self.batches.append(b)


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    run = SGDRun(LeastSquares(X, y), np.array(w0, dtype=np.float64), lr, batch_size)
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        run.epoch(rng)
    return run.w, run.batches


@dataclass(frozen=True)
class MomentumState:
    w: np.ndarray
    v: np.ndarray

    def step(self, g, lr, mu):
        v = mu * self.v + g
        return replace(self, v=v)


def momentum_step(w, g, v, lr, mu):
    state = MomentumState(np.asarray(w, dtype=np.float64), np.asarray(v, dtype=np.float64))
    state = state.step(np.asarray(g, dtype=np.float64), lr, mu)
    return state.w, state.v


@dataclass(frozen=True)
class AdamState:
    w: np.ndarray
    m: np.ndarray
    v: np.ndarray
    t: int

    def step(self, g, lr, beta1, beta2, eps):
        m = beta1 * self.m + (1 - beta1) * g
        v = beta2 * self.v + (1 - beta2) * g * g
        m_hat = m / (1 - beta1**self.t)
        v_hat = v / (1 - beta2**self.t)
        w = self.w - lr * m_hat / (np.sqrt(v_hat) + eps)
        return replace(self, w=w, m=m, v=v, t=self.t + 1)


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    state = AdamState(np.asarray(w, dtype=np.float64), np.asarray(m, dtype=np.float64),
                      np.asarray(v, dtype=np.float64), t)
    state = state.step(np.asarray(g, dtype=np.float64), lr, beta1, beta2, eps)
    return state.w, state.m, state.v
