"""softmax_jacobian is written as (I - p) * p, which broadcasts p along the rows: J[i, j] = p_j
(delta_ij - p_j) instead of p_i (delta_ij - p_j); the diagonal is right, the off-diagonal
entries are -p_j^2.

Edited from correct_numpy.py.
"""

import numpy as np


def softmax(Z):
    Z = np.asarray(Z, dtype=float)
    e = np.exp(Z - np.max(Z, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=float)
    return (np.eye(len(p)) - p) * p


def hinge_loss(W, X, y, reg):
    W = np.asarray(W, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=int)
    N = X.shape[0]
    scores = X @ W
    correct = scores[np.arange(N), y][:, None]
    margins = np.maximum(0, scores - correct + 1)
    margins[np.arange(N), y] = 0
    loss = margins.sum() / N + reg * np.sum(W ** 2)
    mask = (margins > 0).astype(float)
    mask[np.arange(N), y] = -mask.sum(axis=1)
    dW = X.T @ mask / N + 2 * reg * W
    return float(loss), dW


def _log_softmax(s):
    shifted = s - s.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def softmax_loss(W, X, y, reg):
    W = np.asarray(W, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=int)
    N = X.shape[0]
    logp = _log_softmax(X @ W)
    loss = -logp[np.arange(N), y].mean() + reg * np.sum(W * W)
    ds = np.exp(logp)
    ds[np.arange(N), y] -= 1
    dW = X.T @ ds / N + 2 * reg * W
    return float(loss), dW


def _sigmoid(z):
    return 0.5 * (1 + np.tanh(0.5 * z))


def mlp_loss_and_grads(params, X, y):
    L = len(params) // 2
    y = np.asarray(y, dtype=int)
    acts = [np.asarray(X, dtype=float)]
    for l in range(1, L):
        acts.append(_sigmoid(acts[-1] @ params[f"W{l}"] + params[f"b{l}"]))
    scores = acts[-1] @ params[f"W{L}"] + params[f"b{L}"]
    N = scores.shape[0]
    logp = _log_softmax(scores)
    loss = -logp[np.arange(N), y].mean()
    delta = np.exp(logp)
    delta[np.arange(N), y] -= 1
    delta /= N
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = acts[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            a = acts[l - 1]
            delta = (delta @ params[f"W{l}"].T) * a * (1 - a)
    return float(loss), grads


def dag_forward_backward(x0, W1, W2, W3):
    x0, W1, W2, W3 = (np.asarray(a, dtype=float) for a in (x0, W1, W2, W3))
    d0, d1 = len(x0), W1.shape[0]
    x1 = np.tanh(W1 @ x0)
    u = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ u)
    v = np.concatenate([x1, x2])
    x3 = float(W3 @ v)
    g_x1 = W3[:d1].copy()
    g_x2 = W3[d1:]
    g_s2 = g_x2 * (1 - x2 ** 2)
    g_u = W2.T @ g_s2
    g_x1 = g_x1 + g_u[d0:]
    g_s1 = g_x1 * (1 - x1 ** 2)
    g_x0 = g_u[:d0] + W1.T @ g_s1
    grads = {"W1": np.outer(g_s1, x0), "W2": np.outer(g_s2, u), "W3": v, "x0": g_x0}
    return x3, grads


def chain_rule_example(x):
    x = float(x)
    value = np.exp(np.sin(x ** 2))
    return float(value), float(value * np.cos(x ** 2) * 2 * x)
