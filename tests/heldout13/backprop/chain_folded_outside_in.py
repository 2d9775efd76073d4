"""The chain is folded from the outside in (reversed(CHAIN)): exp is applied first and the square
last, so the function computed is (sin(e^x))^2 and its derivative, instead of e^(sin(x^2)).

Mistake in `chain_rule_example`; written in the style of correct_recursive.py.
"""

from functools import reduce

import numpy as np


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    e = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be one probability vector")
    return np.diag(p) - np.outer(p, p)


def _checked(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError("expected W (D, C), X (N, D) and y (N,)")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError("the shapes of W, X and y disagree")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels must be class indices 0..C-1")
    return W, X, y.astype(np.intp)


def hinge_loss(W, X, y, reg):
    W, X, y = _checked(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    scores = X @ W
    margins = scores - scores[rows, y][:, None] + 1.0
    margins[rows, y] = 0.0
    loss = np.maximum(margins, 0.0).sum() / N + reg * np.sum(W * W)
    dscores = (margins > 0).astype(np.float64)
    dscores[rows, y] = -dscores.sum(axis=1)
    dW = X.T @ dscores / N + 2.0 * reg * W
    return float(loss), dW


def _cross_entropy(scores, y):
    N = scores.shape[0]
    rows = np.arange(N)
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_p[rows, y].sum() / N
    dscores = np.exp(log_p)
    dscores[rows, y] -= 1.0
    return float(loss), dscores / N


def softmax_loss(W, X, y, reg):
    W, X, y = _checked(W, X, y)
    loss, dscores = _cross_entropy(X @ W, y)
    return float(loss + reg * np.sum(W * W)), X.T @ dscores + 2.0 * reg * W


def _sigmoid(s):
    e = np.exp(-np.abs(s))
    return np.where(s >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _layer(params, x, l, L, y):
    W = np.asarray(params[f"W{l}"], dtype=np.float64)
    b = np.asarray(params[f"b{l}"], dtype=np.float64)
    s = x @ W + b
    if l == L:
        loss, ds = _cross_entropy(s, y)
        grads = {}
    else:
        a = _sigmoid(s)
        loss, da, grads = _layer(params, a, l + 1, L, y)
        ds = da * a * (1.0 - a)
    grads[f"W{l}"] = x.T @ ds
    grads[f"b{l}"] = ds.sum(axis=0)
    return loss, ds @ W.T, grads


def mlp_loss_and_grads(params, X, y):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0:
        raise ValueError("params must hold W1, b1, ...")
    X = np.asarray(X, dtype=np.float64)
    loss, _, grads = _layer(params, X, 1, L, np.asarray(y).astype(np.intp))
    return float(loss), grads


def dag_forward_backward(x0, W1, W2, W3):
    x0 = np.asarray(x0, dtype=np.float64)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0, d1 = x0.shape[0], W1.shape[0]
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    dx1 = W3[:d1].copy()
    ds2 = W3[d1:] * (1.0 - x2 * x2)
    dz2 = W2.T @ ds2
    dx1 += dz2[d0:]
    ds1 = dx1 * (1.0 - x1 * x1)
    dx0 = dz2[:d0] + W1.T @ ds1
    grads = {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3.copy(), "x0": dx0}
    return x3, grads


CHAIN = (
    (np.square, lambda u: 2.0 * u),
    (np.sin, np.cos),
    (np.exp, np.exp),
)


def chain_rule_example(x):
    def link(acc, fn):
        value, slope = acc
        f, df = fn
        return f(value), df(value) * slope

    value, slope = reduce(link, reversed(CHAIN), (np.asarray(x, dtype=np.float64), 1.0))
    if np.ndim(value) == 0:
        return float(value), float(slope)
    return value, slope
