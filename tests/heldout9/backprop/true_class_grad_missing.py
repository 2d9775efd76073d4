"""The hinge gradient only adds x_i to the columns of the active classes and forgets to subtract it from the true class's column: dW[:, y_i] gets no -x_i term at all.

Graded function: hinge_loss. Edited from correct_functional.py.
"""

import math

import numpy as np


def _row_softmax(r):
    e = np.exp(r - r.max())
    return e / e.sum()


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    return np.array([_row_softmax(r) for r in Z]).reshape(Z.shape)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    return np.array([[p_i * ((i == j) - p_j) for j, p_j in enumerate(p)] for i, p_i in enumerate(p)]).reshape(len(p), len(p))


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1 or X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError("shapes disagree")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("bad labels")
    return W, X, y.astype(int)


def hinge_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N, C = X.shape[0], W.shape[1]
    dW = np.zeros_like(W)
    total = 0.0
    for x_i, y_i in zip(X, y):
        s = x_i @ W
        for j in range(C):
            if j == y_i:
                continue
            margin = s[j] - s[y_i] + 1.0
            if margin > 0:
                total += margin
                dW[:, j] += x_i
    loss = total / N + reg * np.sum(W * W)
    return float(loss), dW / N + 2 * reg * W


def _log_softmax_rows(S):
    shifted = S - S.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    logp = _log_softmax_rows(X @ W)
    data_loss = -sum(row[c] for row, c in zip(logp, y)) / N
    G = np.exp(logp)
    G[np.arange(N), y] -= 1.0
    return float(data_loss + reg * np.sum(W * W)), X.T @ G / N + 2 * reg * W


def _sigmoid(s):
    return np.exp(-np.logaddexp(0.0, -s))


def mlp_loss_and_grads(params, X, y):
    L = len(params) // 2
    y = np.asarray(y).astype(int)
    acts = [np.asarray(X, dtype=np.float64)]
    for l in range(1, L):
        acts.append(_sigmoid(acts[-1] @ params[f"W{l}"] + params[f"b{l}"]))
    scores = acts[-1] @ params[f"W{L}"] + params[f"b{L}"]
    N = scores.shape[0]
    logp = _log_softmax_rows(scores)
    loss = -logp[np.arange(N), y].mean()
    delta = np.exp(logp)
    delta[np.arange(N), y] -= 1.0
    delta /= N
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = acts[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ np.asarray(params[f"W{l}"]).T) * acts[l - 1] * (1 - acts[l - 1])
    return float(loss), {k: grads[k] for k in params}


def dag_forward_backward(x0, W1, W2, W3):
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
    d0, d1 = x0.size, W1.shape[0]
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    ds2 = W3[d1:] * (1 - x2**2)
    dz2 = W2.T @ ds2
    dx1 = W3[:d1] + dz2[d0:]
    ds1 = dx1 * (1 - x1**2)
    dx0 = dz2[:d0] + W1.T @ ds1
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3.copy(), "x0": dx0}


def chain_rule_example(x):
    x = float(x)
    value = math.exp(math.sin(x * x))
    derivative = value * math.cos(x * x) * 2 * x
    return value, derivative
