"""Off-by-one in the backward loop: range(L, 1, -1) stops before layer 1, so W1 and b1 get no
gradient (missing from grads).

Mistake in `mlp_loss_and_grads`; edited from correct_pure.py.
"""

import math

import numpy as np


def _check(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1 or X.shape[1] != W.shape[0] or len(y) != len(X):
        raise ValueError("shapes disagree")
    return W, X, y.astype(int)


def _row_softmax(row):
    e = np.exp(row - row.max())
    return e / e.sum()


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    return np.array([_row_softmax(row) for row in Z]).reshape(Z.shape)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    C = len(p)
    J = np.zeros((C, C))
    for i in range(C):
        for j in range(C):
            J[i, j] = p[i] * ((1.0 if i == j else 0.0) - p[j])
    return J


def hinge_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N, C = X.shape[0], W.shape[1]
    loss = 0.0
    dW = np.zeros_like(W)
    for i in range(N):
        s = X[i] @ W
        for j in range(C):
            if j == y[i]:
                continue
            margin = s[j] - s[y[i]] + 1.0
            if margin > 0:
                loss += margin
                dW[:, j] += X[i]
                dW[:, y[i]] -= X[i]
    loss = loss / N + reg * np.sum(W * W)
    dW = dW / N + 2 * reg * W
    return float(loss), dW


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    loss = 0.0
    dW = np.zeros_like(W)
    for i in range(N):
        s = X[i] @ W
        s = s - s.max()
        log_norm = np.log(np.sum(np.exp(s)))
        loss -= s[y[i]] - log_norm
        p = np.exp(s - log_norm)
        p[y[i]] -= 1.0
        dW += np.outer(X[i], p)
    loss = loss / N + reg * np.sum(W * W)
    dW = dW / N + 2 * reg * W
    return float(loss), dW


def _sigmoid(z):
    return np.where(z >= 0, 1.0 / (1.0 + np.exp(-np.abs(z))),
                    np.exp(-np.abs(z)) / (1.0 + np.exp(-np.abs(z))))


def mlp_loss_and_grads(params, X, y):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y).astype(int)
    L = len(params) // 2
    acts = [X]
    for l in range(1, L + 1):
        s = acts[-1] @ np.asarray(params["W%d" % l], dtype=np.float64) + params["b%d" % l]
        acts.append(_sigmoid(s) if l < L else s)
    scores = acts[-1]
    N = X.shape[0]
    P = np.array([_row_softmax(row) for row in scores]).reshape(scores.shape)
    loss = -np.mean(np.log(P[np.arange(N), y]))
    delta = P.copy()
    delta[np.arange(N), y] -= 1.0
    delta /= N
    grads = {}
    for l in range(L, 1, -1):
        grads["W%d" % l] = acts[l - 1].T @ delta
        grads["b%d" % l] = delta.sum(axis=0)
        if l > 1:
            a = acts[l - 1]
            delta = (delta @ np.asarray(params["W%d" % l], dtype=np.float64).T) * a * (1 - a)
    return float(loss), grads


def dag_forward_backward(x0, W1, W2, W3):
    x0 = np.asarray(x0, dtype=np.float64)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0, d1 = len(x0), W1.shape[0]
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    g_x2 = W3[d1:]
    g_s2 = g_x2 * (1 - x2 * x2)
    g_z2 = W2.T @ g_s2
    g_x1 = W3[:d1] + g_z2[d0:]
    g_s1 = g_x1 * (1 - x1 * x1)
    g_x0 = g_z2[:d0] + W1.T @ g_s1
    grads = {"W1": np.outer(g_s1, x0), "W2": np.outer(g_s2, z2), "W3": z3, "x0": g_x0}
    return x3, grads


def chain_rule_example(x):
    x = float(x)
    u = x * x
    value = math.exp(math.sin(u))
    derivative = value * math.cos(u) * 2.0 * x
    return value, derivative
