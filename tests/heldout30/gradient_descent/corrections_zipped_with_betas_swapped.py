"""The bias corrections zip the moments with the betas in the wrong order.

m is corrected with 1 - beta2**t and v with 1 - beta1**t.

Single mistake in adam_step; written from correct_mapapply.
"""

import operator
from functools import reduce

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """Central differences, one entry at a time, on copies of x."""
    base = np.array(x, dtype=np.float64)

    def quotient(index):
        plus = base.copy()
        plus[index] = base[index] + h
        minus = base.copy()
        minus[index] = base[index] - h
        return (float(f(plus)) - float(f(minus))) / (2 * h)

    values = np.fromiter(map(quotient, np.ndindex(base.shape)), dtype=np.float64,
                         count=base.size)
    return values.reshape(base.shape)


def squared_loss_grad(w, X, y):
    """(1/n) X^T (X w - y), the gradient of (1/2n) ||X w - y||^2, as a sum over the rows."""
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    terms = map(lambda x_i, y_i: np.outer(x_i, np.atleast_1d(x_i @ w - y_i)), X, y)
    total = sum(terms, np.zeros((X.shape[1], 1)))
    return (total / X.shape[0]).reshape(w.shape)


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """One permutation per epoch, consecutive slices of batch_size, one step per slice."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)

    def step(w, batch):
        return operator.sub(w, lr * squared_loss_grad(w, X[batch], y[batch]))

    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        epoch = list(map(lambda start: perm[start:start + batch_size], range(0, n, batch_size)))
        w = reduce(step, epoch, w)
        batches.extend(epoch)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    """v <- mu v + g; w <- w - lr v."""
    v = operator.add(operator.mul(mu, np.asarray(v, dtype=np.float64)),
                     np.asarray(g, dtype=np.float64))
    w = operator.sub(np.asarray(w, dtype=np.float64), operator.mul(lr, v))
    return w, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step with bias correction (torch.optim.Adam)."""
    g = np.asarray(g, dtype=np.float64)
    m, v = map(lambda beta, moment, term: beta * np.asarray(moment, dtype=np.float64)
               + (1 - beta) * term, (beta1, beta2), (m, v), (g, g * g))
    m_hat, v_hat = map(lambda moment, beta: moment / (1 - beta**t), (m, v), (beta2, beta1))
    w = np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w, m, v
