"""dag_forward_backward returns W3 itself as the gradient of W3 instead of [x1; x2] (the gradient
of W3 . z is z, not W3).

One edit of correct_loops.py (held-out batch 4).
"""

import math

import numpy as np


def softmax(Z):
    Z = np.asarray(Z, dtype=float)
    P = np.zeros_like(Z)
    for i in range(Z.shape[0]):
        top = max(Z[i])
        exps = [math.exp(z - top) for z in Z[i]]
        total = sum(exps)
        for c in range(Z.shape[1]):
            P[i, c] = exps[c] / total
    return P


def softmax_jacobian(p):
    p = np.asarray(p, dtype=float)
    C = p.shape[0]
    J = np.zeros((C, C))
    for i in range(C):
        for j in range(C):
            J[i, j] = p[i] * ((1.0 if i == j else 0.0) - p[j])
    return J


def hinge_loss(W, X, y, reg):
    W = np.asarray(W, dtype=float)
    X = np.asarray(X, dtype=float)
    N, C = X.shape[0], W.shape[1]
    loss = 0.0
    dW = np.zeros_like(W)
    for i in range(N):
        scores = X[i] @ W
        for j in range(C):
            if j == y[i]:
                continue
            margin = scores[j] - scores[y[i]] + 1.0
            if margin > 0:
                loss += margin
                dW[:, j] += X[i]
                dW[:, y[i]] -= X[i]
    loss = loss / N + reg * np.sum(W * W)
    dW = dW / N + 2 * reg * W
    return loss, dW


def softmax_loss(W, X, y, reg):
    W = np.asarray(W, dtype=float)
    X = np.asarray(X, dtype=float)
    N, C = X.shape[0], W.shape[1]
    loss = 0.0
    dW = np.zeros_like(W)
    for i in range(N):
        scores = X[i] @ W
        scores = scores - scores.max()
        total = np.sum(np.exp(scores))
        loss += -(scores[y[i]] - np.log(total))
        for j in range(C):
            p = np.exp(scores[j]) / total
            dW[:, j] += (p - (j == y[i])) * X[i]
    loss = loss / N + reg * np.sum(W * W)
    dW = dW / N + 2 * reg * W
    return loss, dW


def _sigmoid(z):
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out


def mlp_loss_and_grads(params, X, y):
    L = 1
    while f"W{L + 1}" in params:
        L += 1
    acts = [np.asarray(X, dtype=float)]
    for l in range(1, L + 1):
        s = acts[-1] @ np.asarray(params[f"W{l}"], dtype=float) + np.asarray(params[f"b{l}"])
        acts.append(_sigmoid(s) if l < L else s)
    scores = acts[-1]
    N = scores.shape[0]
    loss = 0.0
    dscores = np.zeros_like(scores)
    for i in range(N):
        row = scores[i] - scores[i].max()
        p = np.exp(row) / np.exp(row).sum()
        loss -= math.log(p[y[i]])
        p[y[i]] -= 1.0
        dscores[i] = p / N
    loss /= N
    grads = {}
    delta = dscores
    for l in range(L, 0, -1):
        grads[f"W{l}"] = acts[l - 1].T @ delta
        grads[f"b{l}"] = np.sum(delta, axis=0)
        if l > 1:
            back = delta @ np.asarray(params[f"W{l}"], dtype=float).T
            delta = back * acts[l - 1] * (1.0 - acts[l - 1])
    return float(loss), grads


def dag_forward_backward(x0, W1, W2, W3):
    x0 = np.asarray(x0, dtype=float)
    W1, W2, W3 = (np.asarray(a, dtype=float) for a in (W1, W2, W3))
    d0, d1, d2 = x0.shape[0], W1.shape[0], W2.shape[0]
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(np.dot(W3, z3))
    dW3 = W3.copy()
    dx2 = W3[d1:]
    dx1 = W3[:d1].copy()
    ds2 = dx2 * (1.0 - x2 * x2)
    dW2 = np.zeros_like(W2)
    dz2 = np.zeros(d0 + d1)
    for a in range(d2):
        for b in range(d0 + d1):
            dW2[a, b] = ds2[a] * z2[b]
            dz2[b] += W2[a, b] * ds2[a]
    dx0 = dz2[:d0].copy()
    dx1 = dx1 + dz2[d0:]
    ds1 = dx1 * (1.0 - x1 * x1)
    dW1 = np.zeros_like(W1)
    for a in range(d1):
        for b in range(d0):
            dW1[a, b] = ds1[a] * x0[b]
            dx0[b] += W1[a, b] * ds1[a]
    return x3, {"W1": dW1, "W2": dW2, "W3": dW3, "x0": dx0}


def chain_rule_example(x):
    x = float(x)
    u = x ** 2
    v = math.sin(u)
    f = math.exp(v)
    return f, f * math.cos(u) * 2.0 * x
