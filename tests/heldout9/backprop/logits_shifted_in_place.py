"""softmax subtracts the row max in place (Z -= m) after np.asarray, which does not copy a float array: the caller's logits are modified.

Graded function: softmax. Edited from correct_helpers.py.
"""

import numpy as np


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    m = Z.max(axis=1, keepdims=True)
    Z -= m
    e = np.exp(Z)
    return e / e.sum(axis=1, keepdims=True)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be a vector")
    return np.diag(p) - np.outer(p, p)


def _inputs(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.shape != (X.shape[0],) or X.shape[1] != W.shape[0]:
        raise ValueError("shapes disagree")
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("bad labels")
    return W, X, y.astype(np.intp), np.arange(X.shape[0])


def hinge_loss(W, X, y, reg):
    W, X, y, rows = _inputs(W, X, y)
    S = X @ W
    M = np.maximum(0.0, S - S[rows, y][:, None] + 1.0)
    M[rows, y] = 0.0
    N = X.shape[0]
    D = (M > 0).astype(np.float64)
    D[rows, y] = -D.sum(axis=1)
    return float(M.sum() / N + reg * (W**2).sum()), X.T @ D / N + 2 * reg * W


def softmax_loss(W, X, y, reg):
    W, X, y, rows = _inputs(W, X, y)
    N = X.shape[0]
    S = X @ W
    S = S - S.max(axis=1, keepdims=True)
    logZ = np.log(np.exp(S).sum(axis=1))
    loss = (logZ - S[rows, y]).mean() + reg * (W**2).sum()
    P = softmax(S)
    P[rows, y] -= 1.0
    return float(loss), X.T @ P / N + 2 * reg * W


def _sigmoid(s):
    out = np.empty_like(s)
    pos = s >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-s[pos]))
    e = np.exp(s[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def mlp_loss_and_grads(params, X, y):
    L = len(params) // 2
    y = np.asarray(y).astype(np.intp)
    h = np.asarray(X, dtype=np.float64)
    cache = []
    for l in range(1, L + 1):
        W, b = np.asarray(params[f"W{l}"], dtype=np.float64), np.asarray(params[f"b{l}"], dtype=np.float64)
        cache.append((h, W))
        s = h @ W + b
        h = _sigmoid(s) if l < L else s
    N = h.shape[0]
    P = softmax(h)
    loss = -np.log(P[np.arange(N), y]).mean()
    ds = P.copy()
    ds[np.arange(N), y] -= 1.0
    ds /= N
    grads = {}
    for l in range(L, 0, -1):
        a, W = cache[l - 1]
        grads[f"W{l}"] = a.T @ ds
        grads[f"b{l}"] = ds.sum(axis=0)
        ds = (ds @ W.T) * a * (1.0 - a)
    return float(loss), {k: grads[k] for k in params}


def dag_forward_backward(x0, W1, W2, W3):
    x0 = np.asarray(x0, dtype=np.float64)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0, d1 = x0.shape[0], W1.shape[0]
    x1 = np.tanh(W1 @ x0)
    z2 = np.hstack([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.hstack([x1, x2])
    x3 = float(W3 @ z3)
    g_x2 = W3[d1:]
    g_s2 = g_x2 * (1.0 - x2 * x2)
    g_z2 = W2.T @ g_s2
    g_x1 = W3[:d1] + g_z2[d0:]
    g_s1 = g_x1 * (1.0 - x1 * x1)
    g_x0 = g_z2[:d0] + W1.T @ g_s1
    return x3, {"W1": np.outer(g_s1, x0), "W2": np.outer(g_s2, z2), "W3": z3, "x0": g_x0}


def chain_rule_example(x):
    x = np.float64(x)
    u = x**2
    f = np.exp(np.sin(u))
    return float(f), float(f * np.cos(u) * 2.0 * x)
