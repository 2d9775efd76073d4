"""Each batch's indices are sorted (np.sort, 'for cache locality'): the steps are the same, but the
batches recorded are not the slices of the permutation that the handout asks for.

Mistake in `minibatch_sgd`; written in the style of correct_comprehension.py.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    arr = np.array(x, dtype=float)
    shape = arr.shape
    flat = arr.ravel().tolist()
    grads = []
    for i in range(len(flat)):
        plus = list(flat)
        plus[i] = flat[i] + h
        minus = list(flat)
        minus[i] = flat[i] - h
        fp = float(f(np.array(plus, dtype=float).reshape(shape)))
        fm = float(f(np.array(minus, dtype=float).reshape(shape)))
        grads.append((fp - fm) / (2 * h))
    return np.array(grads, dtype=float).reshape(shape)


def squared_loss_grad(w, X, y):
    rows = np.asarray(X, dtype=float).tolist()
    w_arr = np.asarray(w, dtype=float)
    weights = w_arr.ravel().tolist()
    targets = np.asarray(y, dtype=float).ravel().tolist()
    n = len(rows)
    d = len(weights)
    residuals = [sum(row[j] * weights[j] for j in range(d)) - targets[i]
                 for i, row in enumerate(rows)]
    grad = [sum(rows[i][j] * residuals[i] for i in range(n)) / n for j in range(d)]
    return np.array(grad, dtype=float).reshape(w_arr.shape)


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.array(w0, dtype=float)
    n = len(X)
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        chunks = [np.sort(perm[s:s + batch_size]) for s in range(0, n, batch_size)]
        for b in chunks:
            w = w - lr * squared_loss_grad(w, X[b], y[b])
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    shape = np.shape(w)
    ws = np.asarray(w, dtype=float).ravel().tolist()
    gs = np.asarray(g, dtype=float).ravel().tolist()
    vs = np.asarray(v, dtype=float).ravel().tolist()
    v_new = [mu * vi + gi for vi, gi in zip(vs, gs)]
    w_new = [wi - lr * vi for wi, vi in zip(ws, v_new)]
    return np.array(w_new).reshape(shape), np.array(v_new).reshape(shape)


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    shape = np.shape(w)
    ws, gs, ms, vs = (np.asarray(a, dtype=float).ravel().tolist() for a in (w, g, m, v))
    m_new = [beta1 * mi + (1 - beta1) * gi for mi, gi in zip(ms, gs)]
    v_new = [beta2 * vi + (1 - beta2) * gi * gi for vi, gi in zip(vs, gs)]
    c1 = 1 - beta1 ** t
    c2 = 1 - beta2 ** t
    w_new = [wi - lr * (mi / c1) / ((vi / c2) ** 0.5 + eps) for wi, mi, vi in zip(ws, m_new, v_new)]
    return (np.array(w_new).reshape(shape), np.array(m_new).reshape(shape),
            np.array(v_new).reshape(shape))
