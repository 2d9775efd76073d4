"""The gradient is divided by n - 1 (the habit of the unbiased sample variance) instead of n: (1/(n
- 1)) X^T (Xw - y) is too large by n/(n - 1), and for a single sample (SGD, or a last batch of
one) minibatch_sgd divides by zero.

In `squared_loss_grad`; written in the style of correct_mathlib.
"""

import math
import operator

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=np.float64)
    shape = x.shape
    values = x.ravel().tolist()
    grad = []
    for i in range(len(values)):
        plus = list(values)
        plus[i] += h
        minus = list(values)
        minus[i] -= h
        f_plus = float(f(np.array(plus).reshape(shape)))
        f_minus = float(f(np.array(minus).reshape(shape)))
        grad.append((f_plus - f_minus) / (2 * h))
    return np.array(grad, dtype=np.float64).reshape(shape)


def squared_loss_grad(w, X, y):
    X = np.asarray(X, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    rows = X.tolist()
    columns = X.T.tolist()
    grads = []
    for wc, yc in zip(w.reshape(d, -1).T.tolist(), y.reshape(n, -1).T.tolist()):
        r = [math.fsum(map(operator.mul, row, wc)) - yi for row, yi in zip(rows, yc)]
        grads.append([math.fsum(map(operator.mul, col, r)) / (n - 1) for col in columns])
    return np.array(grads, dtype=np.float64).T.reshape(w.shape)


def minibatch_sgd(X, y, w0, lr, epochs, batch_size, seed):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.array(w0, dtype=np.float64)
    n = X.shape[0]
    rng = np.random.default_rng(seed)
    count = math.ceil(n / batch_size)
    batches = []
    for _ in range(epochs):
        perm = rng.permutation(n).tolist()
        for k in range(count):
            b = np.array(perm[k * batch_size:(k + 1) * batch_size], dtype=int)
            step = (lr * squared_loss_grad(w, X[b], y[b])).ravel().tolist()
            w = np.array(list(map(operator.sub, w.ravel().tolist(), step))).reshape(w.shape)
            batches.append(b)
    return w, batches


def momentum_step(w, g, v, lr, mu):
    w = np.asarray(w, dtype=np.float64)
    gs = np.ravel(np.asarray(g, dtype=np.float64)).tolist()
    vs = [mu * vi + gi for vi, gi in zip(np.ravel(np.asarray(v, dtype=np.float64)).tolist(), gs)]
    ws = [wi - lr * vi for wi, vi in zip(w.ravel().tolist(), vs)]
    return np.array(ws).reshape(w.shape), np.array(vs).reshape(w.shape)


def adam_step(w, g, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    w = np.asarray(w, dtype=np.float64)
    c1 = 1 - math.pow(beta1, t)
    c2 = 1 - math.pow(beta2, t)
    ws, ms, vs = [], [], []
    entries = zip(w.ravel().tolist(), np.ravel(g).tolist(), np.ravel(m).tolist(),
                  np.ravel(v).tolist())
    for wi, gi, mi, vi in entries:
        mi = beta1 * mi + (1 - beta1) * gi
        vi = beta2 * vi + (1 - beta2) * gi * gi
        ws.append(wi - lr * (mi / c1) / (math.sqrt(vi / c2) + eps))
        ms.append(mi)
        vs.append(vi)
    return (np.array(ws).reshape(w.shape), np.array(ms).reshape(w.shape),
            np.array(vs).reshape(w.shape))
