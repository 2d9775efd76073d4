"""The bias gradients sum delta over axis 1 (the units) instead of axis 0 (the samples): every
grads['b_l'] has one entry per sample instead of one per unit.

Mistake in `mlp_loss_and_grads`, written in the style of correct_itertools.py.
"""

import math
import operator
from functools import reduce
from itertools import accumulate, chain, product, starmap

import numpy as np


def _softmax_row(row):
    e = np.exp(row - max(row))
    return e / sum(e)


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    rows = Z.reshape(-1, Z.shape[-1])
    return np.array(list(map(_softmax_row, rows))).reshape(Z.shape)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(f"p must be a 1-D probability vector, got shape {p.shape}")
    C = p.shape[0]
    entries = starmap(lambda i, j: p[i] * ((i == j) - p[j]), product(range(C), repeat=2))
    return np.fromiter(entries, dtype=np.float64, count=C * C).reshape(C, C)


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError(f"expected W (D, C), X (N, D), y (N,); got {W.shape}, {X.shape}, {y.shape}")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError(f"shapes disagree: W {W.shape}, X {X.shape}, y {y.shape}")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError(f"labels must be integers in 0..{W.shape[1] - 1}")
    return W, X, y.astype(np.intp)


def hinge_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N, C = X.shape[0], W.shape[1]
    s = X @ W
    dW = 2.0 * reg * W
    total = 0.0
    terms = ((i, j) for i, j in product(range(N), range(C)) if j != y[i])
    for i, j in terms:
        margin = s[i, j] - s[i, y[i]] + 1.0
        if margin > 0:
            total += margin
            dW[:, j] += X[i] / N
            dW[:, y[i]] -= X[i] / N
    loss = total / N + reg * np.sum(W * W)
    return float(loss), dW


def _log_softmax_row(row):
    shifted = row - max(row)
    return shifted - math.log(sum(np.exp(shifted)))


def _cross_entropy(s, y):
    if s.ndim != 2 or y.shape != (s.shape[0],):
        raise ValueError(f"scores (N, C) and labels (N,) expected, got {s.shape}, {y.shape}")
    N, C = s.shape
    if y.size and (y.min() < 0 or y.max() >= C):
        raise ValueError(f"labels must be integers in 0..{C - 1}")
    log_p = np.array(list(map(_log_softmax_row, s))).reshape(s.shape)
    loss = -sum(starmap(lambda lp, yi: lp[yi], zip(log_p, y))) / len(y)
    onehot = np.fromiter(starmap(operator.eq, product(y, range(C))), dtype=np.float64,
                         count=N * C).reshape(N, C)
    return float(loss), (np.exp(log_p) - onehot) / N


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    loss, ds = _cross_entropy(X @ W, y)
    loss += reg * sum(v * v for v in chain.from_iterable(W))
    dW = X.T @ ds + 2.0 * reg * W
    return float(loss), dW


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _n_layers(params):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
        raise ValueError(f"params must hold W1, b1, ..., WL, bL; got {sorted(params)}")
    return L


def mlp_loss_and_grads(params, X, y):
    L = _n_layers(params)
    Ws = [np.asarray(params[f"W{l}"], dtype=np.float64) for l in range(1, L + 1)]
    bs = [np.asarray(params[f"b{l}"], dtype=np.float64) for l in range(1, L + 1)]
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y).astype(np.intp)
    hidden = list(accumulate(zip(Ws[:-1], bs[:-1]),
                             lambda x, Wb: _sigmoid(x @ Wb[0] + Wb[1]), initial=X))
    scores = hidden[-1] @ Ws[-1] + bs[-1]
    loss, delta = _cross_entropy(scores, y)
    grads = {}
    for l, x_prev in zip(range(L, 0, -1), reversed(hidden)):
        grads[f"W{l}"] = x_prev.T @ delta
        grads[f"b{l}"] = delta.sum(axis=1)
        delta = (delta @ Ws[l - 1].T) * x_prev * (1.0 - x_prev)
    return loss, {k: grads[k] for l in range(1, L + 1) for k in (f"W{l}", f"b{l}")}


def dag_forward_backward(x0, W1, W2, W3):
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError(f"shapes disagree: x0 {x0.shape}, W1 {W1.shape}, W2 {W2.shape}")
    d2 = W2.shape[0]
    if W3.shape != (d1 + d2,):
        raise ValueError(f"W3 must have shape ({d1 + d2},), got {W3.shape}")
    x1 = np.tanh(W1 @ x0)
    z2 = np.fromiter(chain(x0, x1), dtype=np.float64, count=d0 + d1)
    x2 = np.tanh(W2 @ z2)
    z3 = np.fromiter(chain(x1, x2), dtype=np.float64, count=d1 + d2)
    x3 = float(W3 @ z3)
    ds2 = W3[d1:] * (1.0 - x2**2)
    dz2 = W2.T @ ds2
    dx1 = W3[:d1] + dz2[d0:]  # x1 -> x3 and x1 -> x2 -> x3
    ds1 = dx1 * (1.0 - x1**2)
    dx0 = dz2[:d0] + W1.T @ ds1  # x0 -> x2 and x0 -> x1
    grads = {"W1": np.multiply.outer(ds1, x0), "W2": np.multiply.outer(ds2, z2),
             "W3": z3, "x0": dx0}
    return x3, grads


LINKS = ((lambda t: t * t, lambda t: 2.0 * t), (math.sin, math.cos), (math.exp, math.exp))


def chain_rule_example(x):
    def link(acc, fd):
        value, deriv = acc
        f, df = fd
        return f(value), deriv * df(value)

    value, deriv = reduce(link, LINKS, (float(x), 1.0))
    return float(value), float(deriv)
