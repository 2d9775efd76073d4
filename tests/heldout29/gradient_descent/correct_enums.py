"""Gradient descent written with named constants: the optimisers' defaults and the difference
quotient's factor are module-level constants, the kinds of update an enum, and one `_update`
dispatches on the member (PLAIN for a mini-batch step, MOMENTUM, ADAM).

Correct solution (style: enums).
"""

import enum

import numpy as np

DEFAULT_H = 1e-5
CENTRAL_FACTOR = 2.0
HALF_MSE_FACTOR = 1.0
ADAM_BETA1 = 0.9
ADAM_BETA2 = 0.999
ADAM_EPS = 1e-8
FIRST_STEP = 1


class Update(enum.Enum):
    PLAIN = "plain"
    MOMENTUM = "momentum"
    ADAM = "adam"


class Side(enum.IntEnum):
    MINUS = -1
    PLUS = 1


def numerical_gradient(f, x, h=DEFAULT_H):
    """Central differences (f(x + h e_i) - f(x - h e_i)) / (2 h) on a private copy of x."""
    point = np.array(x, dtype=float)
    g = np.zeros_like(point)
    for idx in np.ndindex(point.shape):
        saved = point[idx]
        values = {}
        for side in Side:
            point[idx] = saved + side * h
            values[side] = float(f(point))
        point[idx] = saved
        g[idx] = (values[Side.PLUS] - values[Side.MINUS]) / (CENTRAL_FACTOR * h)
    return g


def squared_loss_grad(w, X, y):
    """(1/n) X^T (X w - y), the gradient of (1/2n) ||X w - y||^2."""
    X = np.asarray(X, dtype=float)
    residual = X @ np.asarray(w, dtype=float) - np.asarray(y, dtype=float)
    return HALF_MSE_FACTOR * X.T @ residual / X.shape[0]


def _update(kind, w, g, lr, state=None, t=FIRST_STEP, mu=0.0,
            beta1=ADAM_BETA1, beta2=ADAM_BETA2, eps=ADAM_EPS):
    """One step of the given kind; returns (w, new state)."""
    if kind is Update.PLAIN:
        return w - lr * g, None
    if kind is Update.MOMENTUM:
        v = mu * state + g
        return w - lr * v, v
    if kind is Update.ADAM:
        m, v = state
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        m_hat = m / (1 - beta1 ** t)
        v_hat = v / (1 - beta2 ** t)
        return w - lr * m_hat / (np.sqrt(v_hat) + eps), (m, v)
    raise ValueError(f"unknown update {kind}")


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """One permutation per epoch, consecutive slices of batch_size, one PLAIN step each."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.array(w0, dtype=float)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for start in range(0, n, batch_size):
            batch = perm[start:start + batch_size]
            w, _ = _update(Update.PLAIN, w, squared_loss_grad(w, X[batch], y[batch]), lr)
            batches.append(batch)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    """v <- mu v + g; w <- w - lr v (torch.optim.SGD)."""
    return _update(Update.MOMENTUM, np.asarray(w, dtype=float), np.asarray(g, dtype=float),
                   lr, state=np.asarray(v, dtype=float), mu=mu)


def adam_step(w, g, m, v, t, lr, beta1=ADAM_BETA1, beta2=ADAM_BETA2, eps=ADAM_EPS):
    """torch.optim.Adam with bias correction; returns (w, m, v) with the new moments."""
    w, (m, v) = _update(Update.ADAM, np.asarray(w, dtype=float), np.asarray(g, dtype=float),
                        lr, state=(np.asarray(m, dtype=float), np.asarray(v, dtype=float)),
                        t=t, beta1=beta1, beta2=beta2, eps=eps)
    return w, m, v
