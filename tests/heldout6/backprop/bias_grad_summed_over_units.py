"""The bias gradient sums delta over the units (axis=1) instead of over the samples (axis=0): db
has shape (N,) instead of the bias's shape.

Edited from correct_student.py.
"""

import math

import numpy as np


def softmax(Z):
    Z = np.asarray(Z, dtype=float)
    P = np.zeros(Z.shape)
    for i in range(Z.shape[0]):
        row_max = np.max(Z[i])
        exps = np.exp(Z[i] - row_max)
        P[i] = exps / np.sum(exps)
    return P


def softmax_jacobian(p):
    p = np.asarray(p, dtype=float)
    C = p.shape[0]
    J = np.zeros((C, C))
    for i in range(C):
        for j in range(C):
            if i == j:
                J[i, j] = p[i] * (1.0 - p[j])
            else:
                J[i, j] = -p[i] * p[j]
    return J


def hinge_loss(W, X, y, reg):
    W = np.asarray(W, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    N = X.shape[0]
    C = W.shape[1]
    loss = 0.0
    dW = np.zeros(W.shape)
    for i in range(N):
        scores = X[i] @ W
        correct = scores[y[i]]
        for j in range(C):
            if j == y[i]:
                continue
            margin = scores[j] - correct + 1.0
            if margin > 0:
                loss += margin
                dW[:, j] += X[i]
                dW[:, y[i]] -= X[i]
    loss = loss / N + reg * np.sum(W * W)
    dW = dW / N + 2.0 * reg * W
    return float(loss), dW


def softmax_loss(W, X, y, reg):
    W = np.asarray(W, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    N = X.shape[0]
    loss = 0.0
    dW = np.zeros(W.shape)
    for i in range(N):
        scores = X[i] @ W
        scores = scores - np.max(scores)
        log_sum = np.log(np.sum(np.exp(scores)))
        loss += log_sum - scores[y[i]]
        probs = np.exp(scores - log_sum)
        probs[y[i]] -= 1.0
        dW += np.outer(X[i], probs)
    loss = loss / N + reg * np.sum(W * W)
    dW = dW / N + 2.0 * reg * W
    return float(loss), dW


def _sigmoid(s):
    out = np.empty_like(s)
    pos = s >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-s[pos]))
    e = np.exp(s[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def mlp_loss_and_grads(params, X, y):
    y = np.asarray(y)
    L = len(params) // 2
    activations = [np.asarray(X, dtype=float)]
    for l in range(1, L + 1):
        s = activations[-1] @ np.asarray(params[f"W{l}"], float) + np.asarray(params[f"b{l}"], float)
        if l < L:
            activations.append(_sigmoid(s))
        else:
            scores = s
    N = scores.shape[0]
    probs = softmax(scores)
    # log-probabilities from the shifted scores (no log(0))
    shifted = scores - scores.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -float(np.mean(logp[np.arange(N), y]))
    delta = probs.copy()
    for i in range(N):
        delta[i, y[i]] -= 1.0
    delta /= N
    grads = {}
    for l in range(L, 0, -1):
        a_prev = activations[l - 1]
        grads[f"W{l}"] = a_prev.T @ delta
        grads[f"b{l}"] = delta.sum(axis=1)
        if l > 1:
            back = delta @ np.asarray(params[f"W{l}"], float).T
            delta = back * a_prev * (1.0 - a_prev)
    return loss, grads


def dag_forward_backward(x0, W1, W2, W3):
    x0 = np.asarray(x0, dtype=float)
    W1 = np.asarray(W1, dtype=float)
    W2 = np.asarray(W2, dtype=float)
    W3 = np.asarray(W3, dtype=float)
    d0 = x0.shape[0]
    d1 = W1.shape[0]
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(np.dot(W3, z3))
    grad_W3 = z3.copy()
    grad_x1 = W3[:d1].copy()
    grad_x2 = W3[d1:].copy()
    grad_s2 = grad_x2 * (1.0 - x2 * x2)
    grad_W2 = np.zeros(W2.shape)
    for a in range(W2.shape[0]):
        for b in range(W2.shape[1]):
            grad_W2[a, b] = grad_s2[a] * z2[b]
    grad_z2 = W2.T @ grad_s2
    grad_x0 = grad_z2[:d0].copy()
    grad_x1 = grad_x1 + grad_z2[d0:]
    grad_s1 = grad_x1 * (1.0 - x1 * x1)
    grad_W1 = np.zeros(W1.shape)
    for a in range(W1.shape[0]):
        for b in range(W1.shape[1]):
            grad_W1[a, b] = grad_s1[a] * x0[b]
    grad_x0 = grad_x0 + W1.T @ grad_s1
    return x3, {"W1": grad_W1, "W2": grad_W2, "W3": grad_W3, "x0": grad_x0}


def chain_rule_example(x):
    u = x * x
    value = math.exp(math.sin(u))
    derivative = value * math.cos(u) * 2.0 * x
    return value, derivative
