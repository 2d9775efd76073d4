"""The batches stop at n - batch_size + 1 (the drop_last habit of torch's DataLoader): when
batch_size does not divide n the shorter last batch of each epoch is dropped, so those samples
are skipped, fewer batches are returned and the weights differ.

One mistake, in `minibatch_sgd`; written in the style of correct_closures.py.
"""

import numpy as np


def _central(f, h):
    def partial(x, i):
        old = x[i]
        x[i] = old + h
        f_plus = float(f(x))
        x[i] = old - h
        f_minus = float(f(x))
        x[i] = old
        return (f_plus - f_minus) / (2 * h)

    return partial


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    partial = _central(f, h)
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        g[i] = partial(x, i)
    return g


def _residual(X, y):
    def at(w):
        return X @ w - y

    return at


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    r = _residual(X, y)(w)
    return X.T @ r / X.shape[0]


def _batch_planner(rng, n, batch_size):
    def epoch():
        perm = rng.permutation(n)
        return [perm[start : start + batch_size] for start in range(0, n - batch_size + 1, batch_size)]

    return epoch


def _stepper(X, y, lr):
    def step(w, b):
        return w - lr * squared_loss_grad(w, X[b], y[b])

    return step


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    plan = _batch_planner(np.random.default_rng(seed), X.shape[0], batch_size)
    step = _stepper(X, y, lr)
    batches = []
    for _ in range(epochs):
        for b in plan():
            w = step(w, b)
            batches.append(b)
    return w, batches


def _velocity(mu):
    def update(v, g):
        return mu * v + g

    return update


def momentum_step(w, g, v, lr, mu):
    g = np.asarray(g, dtype=np.float64)
    v = _velocity(mu)(np.asarray(v, dtype=np.float64), g)
    w = np.asarray(w, dtype=np.float64) - lr * v
    return w, v


def _ema(beta):
    def update(old, new):
        return beta * old + (1 - beta) * new

    return update


def _unbias(beta, t):
    def correct(avg):
        return avg / (1 - beta**t)

    return correct


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = _ema(beta1)(np.asarray(m, dtype=np.float64), g)
    v = _ema(beta2)(np.asarray(v, dtype=np.float64), g * g)
    m_hat = _unbias(beta1, t)(m)
    v_hat = _unbias(beta2, t)(v)
    w = np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w, m, v
