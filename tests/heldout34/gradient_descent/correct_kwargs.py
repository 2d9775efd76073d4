"""Numerical gradients and GD variants written with keyword configuration: difference and
optimiser settings as dicts merged with {**defaults, **overrides}, helpers with keyword-only
arguments, the loss gradient bound with functools.partial, settings forwarded with **kwargs.

Correct solution (style: kwargs).
"""

import functools

import numpy as np

DIFFERENCE_DEFAULTS = {"h": 1e-5}
ADAM_DEFAULTS = {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8}


def _shifted(f, x, *, index, by):
    old = x[index]
    x[index] = old + by
    value = float(f(x))
    x[index] = old
    return value


def numerical_gradient(f, x, h=1e-5):
    """Central-difference gradient of f at x; x is left unchanged."""
    config = {**DIFFERENCE_DEFAULTS, "h": h}
    point = np.array(x, dtype=np.float64)
    g = np.zeros_like(point)
    for i in np.ndindex(point.shape):
        plus = _shifted(f, point, index=i, by=config["h"])
        minus = _shifted(f, point, index=i, by=-config["h"])
        g[i] = (plus - minus) / (2 * config["h"])
    return g


def squared_loss_grad(w, X, y):
    """(1/n) X^T (Xw - y), the gradient of (1/2n)||Xw - y||^2."""
    X = np.asarray(X, dtype=np.float64)
    residual = X @ np.asarray(w, dtype=np.float64) - np.asarray(y, dtype=np.float64)
    return X.T @ residual / X.shape[0]


def _step(w, *, grad, lr):
    return w - lr * grad(w)


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """Mini-batch SGD on least squares, one permutation per epoch; returns (w, batches)."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = perm[start:start + batch_size]
            grad = functools.partial(squared_loss_grad, X=X[idx], y=y[idx])
            w = _step(w, grad=grad, lr=lr)
            batches.append(idx)
    return w, batches


def _velocity(*, g, v, mu):
    return mu * v + g


def momentum_step(w, g, v, lr, mu):
    """v <- mu v + g; w <- w - lr v."""
    v = _velocity(g=np.asarray(g, dtype=np.float64), v=np.asarray(v, dtype=np.float64), mu=mu)
    return np.asarray(w, dtype=np.float64) - lr * v, v


def _moments(*, g, m, v, beta1, beta2, **_):
    return beta1 * m + (1 - beta1) * g, beta2 * v + (1 - beta2) * g * g


def _adam_update(w, *, m, v, t, lr, beta1, beta2, eps):
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps)


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step with bias correction (torch.optim.Adam); returns (w, m, v)."""
    settings = {**ADAM_DEFAULTS, "beta1": beta1, "beta2": beta2, "eps": eps}
    g = np.asarray(g, dtype=np.float64)
    m, v = _moments(g=g, m=np.asarray(m, dtype=np.float64), v=np.asarray(v, dtype=np.float64),
                    **settings)
    w = _adam_update(np.asarray(w, dtype=np.float64), m=m, v=v, t=t, lr=lr, **settings)
    return w, m, v
