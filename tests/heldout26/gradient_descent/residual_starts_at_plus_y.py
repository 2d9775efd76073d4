"""The residual accumulator starts at +y_i instead of -y_i.

The residual is x_i.w + y_i instead of x_i.w - y_i: the gradient is (1/n) X^T (Xw + y), wrong
unless y = 0.

Single mistake in squared_loss_grad, minibatch_sgd; written from correct_scalar.
"""

import math

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """Central differences, entry by entry."""
    point = np.array(x, dtype=np.float64)
    flat = point.reshape(-1)
    g = np.zeros(flat.shape[0], dtype=np.float64)
    for i in range(flat.shape[0]):
        old = float(flat[i])
        flat[i] = old + h
        plus = float(f(point))
        flat[i] = old - h
        minus = float(f(point))
        flat[i] = old
        g[i] = (plus - minus) / (2.0 * h)
    return g.reshape(point.shape)


def squared_loss_grad(w, X, y):
    """(1/n) X^T (X w - y)."""
    A = np.asarray(X, dtype=np.float64)
    wa = np.asarray(w, dtype=np.float64)
    ya = np.asarray(y, dtype=np.float64)
    n, d = A.shape
    wf = wa.reshape(-1)
    yf = ya.reshape(-1)
    g = [0.0] * d
    for i in range(n):
        r = float(yf[i])
        for k in range(d):
            r += float(A[i, k]) * float(wf[k])
        for k in range(d):
            g[k] += float(A[i, k]) * r
    for k in range(d):
        g[k] = g[k] / n
    return np.array(g, dtype=np.float64).reshape(wa.shape)


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    """Mini-batch SGD on least squares; returns (w, batches)."""
    A = np.asarray(X, dtype=np.float64)
    ya = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = A.shape[0]
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        start = 0
        while start < n:
            b = perm[start:start + batch_size]
            g = squared_loss_grad(w, A[b], ya[b])
            w = np.array([float(w[k]) - lr * float(g[k]) for k in range(w.shape[0])])
            batches.append(b)
            start += batch_size
    return w, batches


def momentum_step(w, g, v, lr, mu):
    """v <- mu v + g; w <- w - lr v."""
    wa = np.asarray(w, dtype=np.float64)
    ga = np.asarray(g, dtype=np.float64).reshape(-1)
    va = np.asarray(v, dtype=np.float64).reshape(-1)
    wf = wa.reshape(-1)
    new_w, new_v = [], []
    for i in range(wf.shape[0]):
        vi = mu * float(va[i]) + float(ga[i])
        new_v.append(vi)
        new_w.append(float(wf[i]) - lr * vi)
    return (np.array(new_w, dtype=np.float64).reshape(wa.shape),
            np.array(new_v, dtype=np.float64).reshape(wa.shape))


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """torch.optim.Adam, bias-corrected; returns (w, m, v)."""
    wa = np.asarray(w, dtype=np.float64)
    wf = wa.reshape(-1)
    gf = np.asarray(g, dtype=np.float64).reshape(-1)
    mf = np.asarray(m, dtype=np.float64).reshape(-1)
    vf = np.asarray(v, dtype=np.float64).reshape(-1)
    c1 = 1.0 - beta1**t
    c2 = 1.0 - beta2**t
    new_w, new_m, new_v = [], [], []
    for i in range(wf.shape[0]):
        gi = float(gf[i])
        mi = beta1 * float(mf[i]) + (1.0 - beta1) * gi
        vi = beta2 * float(vf[i]) + (1.0 - beta2) * gi * gi
        new_m.append(mi)
        new_v.append(vi)
        new_w.append(float(wf[i]) - lr * (mi / c1) / (math.sqrt(vi / c2) + eps))
    shape = wa.shape
    return (np.array(new_w).reshape(shape), np.array(new_m).reshape(shape),
            np.array(new_v).reshape(shape))
