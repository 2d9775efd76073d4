"""The (beta, old, new) triples are listed second moment first but unpacked into m, v: the new m is
the second-moment average of g^2 and the new v the first-moment average of g, so both returned
moments and the step are wrong (v can be negative, giving nan with a RuntimeWarning).

Mistake in `adam_step`; written in the style of correct_generator.py.
"""

import numpy as np


def _central_differences(f, work, h):
    for i in np.ndindex(work.shape):
        old = work[i]
        work[i] = old + h
        f_plus = float(f(work))
        work[i] = old - h
        f_minus = float(f(work))
        work[i] = old
        yield (f_plus - f_minus) / (2 * h)


def numerical_gradient(f, x, h=1e-5):
    work = np.array(x, dtype=np.float64)
    g = np.fromiter(_central_differences(f, work, h), dtype=np.float64, count=work.size)
    return g.reshape(work.shape)


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    residual = X @ w - np.asarray(y, dtype=np.float64)
    terms = (np.outer(x_i, r_i) for x_i, r_i in zip(X, residual))
    total = sum(terms, np.zeros((X.shape[1], 1)))
    return (total / X.shape[0]).reshape(w.shape)


def _batches(rng, n, batch_size, epochs):
    for _ in range(epochs):
        perm = rng.permutation(n)
        yield from (perm[i:i + batch_size] for i in range(0, n, batch_size))


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    rng = np.random.default_rng(seed)
    batches = []
    for b in _batches(rng, X.shape[0], batch_size, epochs):
        w = w - lr * squared_loss_grad(w, X[b], y[b])
        batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    v = mu * np.asarray(v, dtype=np.float64) + np.asarray(g, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64) - lr * v
    return w, v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m, v = (beta * np.asarray(old, dtype=np.float64) + (1 - beta) * new
            for beta, old, new in ((beta2, v, g * g), (beta1, m, g)))
    m_hat, v_hat = (moment / (1 - beta**t) for moment, beta in ((m, beta1), (v, beta2)))
    w = np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w, m, v
