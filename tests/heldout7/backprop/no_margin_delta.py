"""The hinge margin forgets the + 1 (Delta = 0): max(0, s_j - s_y) instead of max(0, s_j - s_y +
1), so a class only counts once it outscores the true class, and the loss and gradient are too
small.

Edited from correct_verbose.py.
"""

import numpy as np


def softmax(Z):
    Z = np.array(Z, dtype=float)
    P = np.zeros(Z.shape)
    for i in range(Z.shape[0]):
        row = Z[i] - np.max(Z[i])
        exps = np.exp(row)
        P[i] = exps / np.sum(exps)
    return P


def softmax_jacobian(p):
    p = np.asarray(p, dtype=float)
    if p.ndim != 1:
        raise ValueError("p must be 1-D, got shape %s" % (p.shape,))
    C = p.shape[0]
    J = np.zeros((C, C))
    for i in range(C):
        for j in range(C):
            if i == j:
                J[i, j] = p[i] * (1 - p[j])
            else:
                J[i, j] = -p[i] * p[j]
    return J


def _check(W, X, y):
    W = np.asarray(W, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1 or X.shape[1] != W.shape[0] \
            or X.shape[0] != y.shape[0]:
        raise ValueError("shapes disagree: W %s, X %s, y %s" % (W.shape, X.shape, y.shape))
    if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
        raise ValueError("labels must be integers in 0..%d" % (W.shape[1] - 1))
    return W, X, y.astype(int)


def hinge_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
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
            margin = scores[j] - correct
            if margin > 0:
                loss += margin
                dW[:, j] += X[i]
                dW[:, y[i]] -= X[i]
    loss = loss / N
    dW = dW / N
    loss += reg * np.sum(W * W)
    dW += 2 * reg * W
    return float(loss), dW


def softmax_loss(W, X, y, reg):
    W, X, y = _check(W, X, y)
    N = X.shape[0]
    loss = 0.0
    dW = np.zeros(W.shape)
    for i in range(N):
        scores = X[i] @ W
        scores = scores - np.max(scores)
        log_sum = np.log(np.sum(np.exp(scores)))
        loss += -(scores[y[i]] - log_sum)
        probs = np.exp(scores - log_sum)
        probs[y[i]] -= 1
        dW += np.outer(X[i], probs)
    loss = loss / N + reg * np.sum(W * W)
    dW = dW / N + 2 * reg * W
    return float(loss), dW


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def mlp_loss_and_grads(params, X, y):
    L = 0
    while "W%d" % (L + 1) in params:
        L += 1
    X = np.asarray(X, dtype=float)
    y = np.asarray(y).astype(int)
    N = X.shape[0]
    activations = [X]
    a = X
    for l in range(1, L + 1):
        s = a @ np.asarray(params["W%d" % l], dtype=float) + np.asarray(params["b%d" % l], dtype=float)
        if l < L:
            a = _sigmoid(s)
            activations.append(a)
    scores = s - s.max(axis=1, keepdims=True)
    log_probs = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
    loss = -np.mean(log_probs[np.arange(N), y])
    delta = np.exp(log_probs)
    delta[np.arange(N), y] -= 1
    delta = delta / N
    grads = {}
    for l in range(L, 0, -1):
        a_prev = activations[l - 1]
        grads["W%d" % l] = a_prev.T @ delta
        grads["b%d" % l] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ np.asarray(params["W%d" % l], dtype=float).T) * a_prev * (1 - a_prev)
    return float(loss), {k: grads[k] for k in params}


def dag_forward_backward(x0, W1, W2, W3):
    x0 = np.asarray(x0, dtype=float)
    W1 = np.asarray(W1, dtype=float)
    W2 = np.asarray(W2, dtype=float)
    W3 = np.asarray(W3, dtype=float)
    d0 = x0.shape[0]
    d1 = W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1 \
            or W3.shape != (d1 + W2.shape[0],):
        raise ValueError("shapes disagree")
    x1 = np.tanh(W1 @ x0)
    in2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ in2)
    in3 = np.concatenate([x1, x2])
    x3 = float(W3 @ in3)
    grad_W3 = in3.copy()
    grad_x1 = W3[:d1].copy()
    grad_x2 = W3[d1:].copy()
    grad_s2 = grad_x2 * (1 - x2 * x2)
    grad_W2 = np.outer(grad_s2, in2)
    grad_in2 = W2.T @ grad_s2
    grad_x0 = grad_in2[:d0].copy()
    grad_x1 = grad_x1 + grad_in2[d0:]
    grad_s1 = grad_x1 * (1 - x1 * x1)
    grad_W1 = np.outer(grad_s1, x0)
    grad_x0 = grad_x0 + W1.T @ grad_s1
    return x3, {"W1": grad_W1, "W2": grad_W2, "W3": grad_W3, "x0": grad_x0}


def chain_rule_example(x):
    x = float(x)
    u = x * x
    v = np.sin(u)
    f = np.exp(v)
    df_dv = f
    dv_du = np.cos(u)
    du_dx = 2 * x
    return float(f), float(df_dv * dv_du * du_dx)
