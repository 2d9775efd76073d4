"""The regulariser's gradient is written 2 reg instead of 2 reg W: the same constant is added to
every entry of dW, so the gradient is wrong whenever reg != 0 (the loss is right).

Mistake in `softmax_loss`; written in the style of correct_generator.py.
"""

from math import prod

import numpy as np


def _softmax_row(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    rows = [_softmax_row(z) for z in Z.reshape(-1, Z.shape[-1])]
    return np.array(rows, dtype=np.float64).reshape(Z.shape)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be one probability vector")
    C = len(p)
    entries = (p[i] * ((i == j) - p[j]) for i in range(C) for j in range(C))
    return np.fromiter(entries, dtype=np.float64, count=C * C).reshape(C, C)


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


def _hinge_terms(S, y):
    for s, label in zip(S, y):
        margins = s - s[label] + 1.0
        margins[label] = 0.0
        active = (margins > 0).astype(np.float64)
        active[label] = -active.sum()
        yield np.maximum(margins, 0.0).sum(), active


def hinge_loss(W, X, y, reg):
    W, X, y = _checked(W, X, y)
    N = X.shape[0]
    terms = list(_hinge_terms(X @ W, y))
    data_loss = sum(t[0] for t in terms) / N
    dS = np.array([t[1] for t in terms]).reshape(N, W.shape[1]) / N
    return float(data_loss + reg * np.sum(W * W)), X.T @ dS + 2.0 * reg * W


def _xent_terms(S, y):
    for s, label in zip(S, y):
        shifted = s - np.max(s)
        log_p = shifted - np.log(np.exp(shifted).sum())
        grad = np.exp(log_p)
        grad[label] -= 1.0
        yield -log_p[label], grad


def _cross_entropy(S, y):
    N = S.shape[0]
    terms = list(_xent_terms(S, y))
    loss = sum(t[0] for t in terms) / N
    dS = np.array([t[1] for t in terms]).reshape(S.shape) / N
    return float(loss), dS


def softmax_loss(W, X, y, reg):
    W, X, y = _checked(W, X, y)
    loss, dS = _cross_entropy(X @ W, y)
    return float(loss + reg * np.sum(W * W)), X.T @ dS + 2.0 * reg


def _sigmoid(s):
    e = np.exp(-np.abs(s))
    return np.where(s >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _forward(params, X, L):
    x = X
    for l in range(1, L + 1):
        s = x @ np.asarray(params[f"W{l}"], dtype=np.float64) + params[f"b{l}"]
        out = s if l == L else _sigmoid(s)
        yield l, x, out
        x = out


def mlp_loss_and_grads(params, X, y):
    L = sum(1 for key in params if key.startswith("W"))
    if L == 0:
        raise ValueError("params must hold W1, b1, ...")
    X = np.asarray(X, dtype=np.float64)
    trace = list(_forward(params, X, L))
    loss, delta = _cross_entropy(trace[-1][2], np.asarray(y).astype(np.intp))
    grads = {}
    for l, x_in, out in reversed(trace):
        if l < L:
            delta = delta * out * (1.0 - out)
        grads[f"W{l}"] = x_in.T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        delta = delta @ np.asarray(params[f"W{l}"], dtype=np.float64).T
    return loss, grads


def dag_forward_backward(x0, W1, W2, W3):
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
    d0, d1 = len(x0), W1.shape[0]
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    ds2 = W3[d1:] * (1.0 - x2**2)
    dz2 = W2.T @ ds2
    dx1 = sum((W3[:d1], dz2[d0:]), np.zeros(d1))
    ds1 = dx1 * (1.0 - x1**2)
    dx0 = sum((dz2[:d0], W1.T @ ds1), np.zeros(d0))
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3.copy(), "x0": dx0}


def _chain(x):
    u = x * x
    yield 2.0 * x
    v = np.sin(u)
    yield np.cos(u)
    yield np.exp(v)


def chain_rule_example(x):
    x = np.asarray(x, dtype=np.float64)
    value = np.exp(np.sin(x * x))
    derivative = prod(_chain(x))
    if np.ndim(value) == 0:
        return float(value), float(derivative)
    return value, derivative
