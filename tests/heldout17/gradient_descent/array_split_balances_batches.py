"""np.array_split(perm, n_batches) is used for the batches: it makes ceil(n/B) batches of nearly
EQUAL size instead of consecutive slices of batch_size with only the last one shorter, so when B
does not divide n the batches (and the weights) usually differ from the contract's (n = 10, B =
4 gives 4, 3, 3 instead of 4, 4, 2).

Mistake in `minibatch_sgd`, written in the style of correct_stacking.py (stacking).
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x0 = np.array(x, dtype=np.float64)
    size = x0.size
    flat = x0.ravel()
    bumps = np.eye(size) * h
    points = np.vstack([flat + bumps, flat - bumps])       # rows: all +h points, then all -h
    vals = np.array([float(f(p.reshape(x0.shape))) for p in points])
    g = (vals[:size] - vals[size:]) / (2 * h)
    return g.reshape(x0.shape)


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    Xy = np.column_stack([X, y])                            # [X | y], one row per sample
    wy = np.concatenate([w.ravel(), [-1.0]])                # [X | y] @ [w; -1] = Xw - y
    r = Xy @ wy
    return (X.T @ r / X.shape[0]).reshape(w.shape)


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    n_batches = -(-n // batch_size)
    cuts = np.arange(1, n_batches) * batch_size
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        for b in np.array_split(perm, n_batches):
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    w = np.asarray(w, dtype=np.float64)
    g = np.asarray(g, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    v_new = mu * v + g
    w_new = w - lr * v_new
    new_w, new_v = np.stack([w_new, v_new])
    return new_w, new_v


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    moments = np.stack([np.asarray(m, dtype=np.float64), np.asarray(v, dtype=np.float64)])
    betas = np.array([beta1, beta2]).reshape((2,) + (1,) * g.ndim)
    moments = betas * moments + (1 - betas) * np.stack([g, g * g])
    m_hat, v_hat = moments / (1 - betas ** t)
    w_new = np.asarray(w, dtype=np.float64) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w_new, moments[0], moments[1]
