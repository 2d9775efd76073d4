"""repeat(rng.permutation(n), epochs) calls rng.permutation ONCE and repeats that permutation:
every epoch uses the same order and the same batches instead of a fresh permutation per epoch
(only the first epoch is right).

Mistake in `minibatch_sgd`, written in the style of correct_itertools.py.
"""

from functools import reduce
from itertools import chain, pairwise, product, repeat, starmap

import numpy as np


def _bumped(x, index, step):
    y = x.copy()
    y[index] += step
    return y


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    indices = list(product(*map(range, x.shape)))
    slopes = ((float(f(_bumped(x, i, h))) - float(f(_bumped(x, i, -h)))) / (2 * h)
              for i in indices)
    return np.fromiter(slopes, dtype=np.float64, count=len(indices)).reshape(x.shape)


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    r = X @ w - np.asarray(y, dtype=np.float64)
    return sum(starmap(np.multiply.outer, zip(X, r)), np.zeros(w.shape)) / len(X)


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    bounds = list(pairwise(chain(range(0, n, batch_size), [n])))
    perms = repeat(rng.permutation(n), epochs)
    batches = []

    def step(w, b):
        return w - lr * squared_loss_grad(w, X[b], y[b])

    for perm in perms:
        epoch = [perm[start:stop] for start, stop in bounds]
        w = reduce(step, epoch, w)
        batches.extend(epoch)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    return np.asarray(w, dtype=np.float64) - lr * v, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m, v = starmap(lambda beta, old, new: beta * np.asarray(old, dtype=np.float64) + (1 - beta) * new,
                   ((beta1, m, g), (beta2, v, g * g)))
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    w = np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w, m, v
