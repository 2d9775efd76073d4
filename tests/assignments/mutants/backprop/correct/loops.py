"""A correct solution in loops (cs231n naive style): must score full marks."""

import math

import numpy as np


def softmax(Z):
    P = np.empty(np.shape(Z))
    for i in range(P.shape[0]):
        z = np.array(Z[i], dtype=float)
        z = z - z.max()
        e = np.exp(z)
        P[i] = e / e.sum()
    return P


def softmax_jacobian(p):
    C = len(p)
    J = np.zeros((C, C))
    for i in range(C):
        for j in range(C):
            J[i, j] = p[i] * ((1.0 if i == j else 0.0) - p[j])
    return J


def hinge_loss(W, X, y, reg):
    dW = np.zeros(W.shape)
    loss = 0.0
    N = X.shape[0]
    for i in range(N):
        s = X[i] @ W
        for j in range(W.shape[1]):
            if j == y[i]:
                continue
            margin = s[j] - s[y[i]] + 1
            if margin > 0:
                loss += margin
                dW[:, j] += X[i]
                dW[:, y[i]] -= X[i]
    loss /= N
    dW /= N
    return loss + reg * np.sum(W * W), dW + 2 * reg * W


def softmax_loss(W, X, y, reg):
    dW = np.zeros(W.shape)
    loss = 0.0
    N = X.shape[0]
    for i in range(N):
        s = X[i] @ W
        s = s - s.max()
        lse = math.log(np.exp(s).sum())
        loss += lse - s[y[i]]
        p = np.exp(s - lse)
        p[y[i]] -= 1
        dW += np.outer(X[i], p)
    return loss / N + reg * np.sum(W**2), dW / N + 2 * reg * W


def sig(z):
    return 0.5 * (1 + np.tanh(z / 2))


def mlp_loss_and_grads(params, X, y):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    acts, pre = [X], []
    for l in range(1, L + 1):
        s = acts[-1] @ params[f"W{l}"] + params[f"b{l}"]
        pre.append(s)
        acts.append(sig(s) if l < L else s)
    N = X.shape[0]
    P = softmax(acts[-1])
    loss = -sum(math.log(P[i, y[i]]) for i in range(N)) / N
    delta = P.copy()
    delta[np.arange(N), y] -= 1
    delta = delta / N
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = acts[l - 1].T @ delta
        grads[f"b{l}"] = np.sum(delta, axis=0)
        if l > 1:
            sp = sig(pre[l - 2]) * (1 - sig(pre[l - 2]))
            delta = (delta @ params[f"W{l}"].T) * sp
    return loss, grads


def dag_forward_backward(x0, W1, W2, W3):
    d0, d1, d2 = len(x0), W1.shape[0], W2.shape[0]
    x1 = np.array([math.tanh(sum(W1[j, k] * x0[k] for k in range(d0))) for j in range(d1)])
    z = list(x0) + list(x1)
    x2 = np.array([math.tanh(sum(W2[j, k] * z[k] for k in range(d0 + d1))) for j in range(d2)])
    x3 = sum(W3[k] * x1[k] for k in range(d1)) + sum(W3[d1 + k] * x2[k] for k in range(d2))
    g2 = np.array([W3[d1 + j] * (1 - x2[j] ** 2) for j in range(d2)])
    gx1 = np.array([W3[k] + sum(g2[j] * W2[j, d0 + k] for j in range(d2)) for k in range(d1)])
    g1 = gx1 * (1 - x1**2)
    gx0 = np.array([sum(g2[j] * W2[j, k] for j in range(d2))
                    + sum(g1[j] * W1[j, k] for j in range(d1)) for k in range(d0)])
    return x3, {"W1": np.outer(g1, x0), "W2": np.outer(g2, z), "W3": np.array(list(x1) + list(x2)),
                "x0": gx0}


def chain_rule_example(x):
    v = math.exp(math.sin(x * x))
    return v, v * math.cos(x * x) * 2 * x
