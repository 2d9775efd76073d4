"""The data loss is .mean() over the whole (N, C) margin table instead of the sum divided by N: it
is divided by C once too often.

Mistake in `hinge_loss`; edited from correct_matmul.py.
"""

import numpy as np


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1 or X.shape[1] != W.shape[0] or len(y) != len(X):
        raise ValueError("shapes disagree")
    return W, X, y.astype(int)


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    shifted = Z - np.max(Z, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    return np.diag(p) - np.matmul(p[:, None], p[None, :])


def hinge_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    s = np.matmul(X, W)
    margins = s - s[rows, y][:, None] + 1.0
    margins[rows, y] = 0.0
    loss = np.maximum(0.0, margins).mean() + reg * np.sum(W**2)
    active = (margins > 0).astype(np.float64)
    active[rows, y] = -active.sum(axis=1)
    dW = np.matmul(X.T, active) / N + 2 * reg * W
    return float(loss), dW


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    s = np.matmul(X, W)
    m = s.max(axis=1, keepdims=True)
    lse = m + np.log(np.exp(s - m).sum(axis=1, keepdims=True))
    logp = s - lse
    Y = np.eye(W.shape[1])[y]
    loss = -np.sum(Y * logp) / N + reg * np.sum(W**2)
    dW = np.matmul(X.T, np.exp(logp) - Y) / N + 2 * reg * W
    return float(loss), dW


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def mlp_loss_and_grads(params, X, y):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y).astype(int)
    L = len(params) // 2
    pres, acts = [X], [X]
    for l in range(1, L + 1):
        s = np.matmul(acts[-1], np.asarray(params[f"W{l}"], dtype=np.float64)) + params[f"b{l}"]
        pres.append(s)
        acts.append(_sigmoid(s) if l < L else s)
    scores = acts[L]
    N = X.shape[0]
    shifted = scores - scores.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    Y = np.eye(scores.shape[1])[y]
    loss = -np.sum(Y * logp) / N
    delta = (np.exp(logp) - Y) / N
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = np.matmul(acts[l - 1].T, delta)
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            sig = acts[l - 1]
            delta = np.matmul(delta, np.asarray(params[f"W{l}"], dtype=np.float64).T) * sig * (1 - sig)
    return float(loss), grads


def dag_forward_backward(x0, W1, W2, W3):
    x0 = np.asarray(x0, dtype=np.float64)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0, d1 = x0.shape[0], W1.shape[0]
    x1 = np.tanh(np.matmul(W1, x0))
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(np.matmul(W2, z2))
    z3 = np.concatenate([x1, x2])
    x3 = float(np.matmul(W3, z3))
    dx1 = W3[:d1].copy()
    dx2 = W3[d1:].copy()
    ds2 = dx2 * (1.0 - x2**2)
    dz2 = np.matmul(W2.T, ds2)
    dx1 = dx1 + dz2[d0:]
    ds1 = dx1 * (1.0 - x1**2)
    dx0 = dz2[:d0] + np.matmul(W1.T, ds1)
    grads = {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3.copy(), "x0": dx0}
    return x3, grads


def chain_rule_example(x):
    u = np.square(x)
    value = np.exp(np.sin(u))
    derivative = value * np.cos(u) * 2 * np.asarray(x, dtype=np.float64)
    return float(value), float(derivative)
