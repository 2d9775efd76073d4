"""softmax_jacobian: Sign flipped: p pᵀ − diag(p) instead of diag(p) − p pᵀ.

Held-out batch 2 (H4): correct_loops.py with this one mistake.
"""

import math

import numpy as np


def softmax(Z):
    Z = np.asarray(Z, dtype=float)
    P = np.empty_like(Z)
    for i in range(Z.shape[0]):
        top = max(Z[i])
        exps = [math.exp(z - top) for z in Z[i]]
        total = sum(exps)
        for c in range(Z.shape[1]):
            P[i, c] = exps[c] / total
    return P


def softmax_jacobian(p):
    C = len(p)
    J = np.zeros((C, C))
    for i in range(C):
        for j in range(C):
            J[i, j] = p[i] * (p[j] - (1.0 if i == j else 0.0))
    return J


def hinge_loss(W, X, y, reg):
    W = np.asarray(W, dtype=float)
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
    return loss, dW


def softmax_loss(W, X, y, reg):
    W = np.asarray(W, dtype=float)
    N = X.shape[0]
    loss = 0.0
    dW = np.zeros_like(W)
    for i in range(N):
        s = X[i] @ W
        s = s - s.max()
        p = np.exp(s) / np.exp(s).sum()
        loss -= math.log(p[y[i]])
        p[y[i]] -= 1.0
        dW += np.outer(X[i], p)
    return loss / N + reg * np.sum(W * W), dW / N + 2 * reg * W


def mlp_loss_and_grads(params, X, y):
    L = len(params) // 2
    acts = [np.asarray(X, dtype=float)]
    for layer in range(1, L + 1):
        s = acts[-1] @ params["W%d" % layer] + params["b%d" % layer]
        if layer < L:
            s = 1.0 / (1.0 + np.exp(-s))
        acts.append(s)
    P = softmax(acts[-1])
    N = len(y)
    loss = 0.0
    dS = P.copy()
    for i in range(N):
        loss -= math.log(P[i, y[i]])
        dS[i, y[i]] -= 1.0
    dS = dS / N
    grads = {}
    for layer in range(L, 0, -1):
        grads["W%d" % layer] = acts[layer - 1].T @ dS
        grads["b%d" % layer] = np.sum(dS, axis=0)
        if layer > 1:
            a = acts[layer - 1]
            dS = (dS @ params["W%d" % layer].T) * a * (1 - a)
    return loss / N, grads


def dag_forward_backward(x0, W1, W2, W3):
    d0, d1 = len(x0), len(W1)
    x1 = np.tanh(W1 @ x0)
    x2 = np.tanh(W2 @ np.concatenate([x0, x1]))
    x3 = float(np.dot(W3, np.concatenate([x1, x2])))
    dx1 = np.array(W3[:d1], dtype=float)
    dx2 = np.array(W3[d1:], dtype=float)
    ds2 = dx2 * (1 - x2 * x2)
    dW2 = np.outer(ds2, np.concatenate([x0, x1]))
    back = W2.T @ ds2
    dx0 = back[:d0].copy()
    dx1 += back[d0:]
    ds1 = dx1 * (1 - x1 * x1)
    dW1 = np.outer(ds1, x0)
    dx0 += W1.T @ ds1
    return x3, {"W1": dW1, "W2": dW2, "W3": np.concatenate([x1, x2]), "x0": dx0}


def chain_rule_example(x):
    inner = x**2
    value = math.exp(math.sin(inner))
    return value, value * math.cos(inner) * 2 * x
