"""softmax_loss's gradient forgets to subtract 1 at the correct class: dS = P instead of P −
one_hot(y).

One mistake: written for held-out batch 3 (issue 16) without seeing the
catalogue; see README.md.
"""

import numpy as np


def softmax(Z):
    Z = np.asarray(Z, dtype=float)
    shifted = Z - Z.max(axis=-1, keepdims=True)
    E = np.exp(shifted)
    return E / E.sum(axis=-1, keepdims=True)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=float)
    return np.diag(p) - np.outer(p, p)


def hinge_loss(W, X, y, reg):
    N = X.shape[0]
    rows = np.arange(N)
    S = X @ W
    correct = S[rows, y][:, None]
    margins = np.maximum(0.0, S - correct + 1.0)
    margins[rows, y] = 0.0
    loss = margins.sum() / N + reg * np.sum(W * W)
    B = (margins > 0).astype(float)
    B[rows, y] = -B.sum(axis=1)
    dW = X.T @ B / N + 2 * reg * W
    return loss, dW


def softmax_loss(W, X, y, reg):
    N = X.shape[0]
    rows = np.arange(N)
    P = softmax(X @ W)
    loss = -np.mean(np.log(P[rows, y])) + reg * np.sum(W * W)
    dS = P.copy()
    dW = X.T @ dS / N + 2 * reg * W
    return loss, dW


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def mlp_loss_and_grads(params, X, y):
    L = len(params) // 2
    N = X.shape[0]
    acts = [np.asarray(X, dtype=float)]
    a = acts[0]
    for l in range(1, L + 1):
        s = a @ params[f"W{l}"] + params[f"b{l}"]
        if l < L:
            a = _sigmoid(s)
            acts.append(a)
    P = softmax(s)
    rows = np.arange(N)
    loss = -np.mean(np.log(P[rows, y]))
    ds = P.copy()
    ds[rows, y] -= 1.0
    ds /= N
    grads = {}
    for l in range(L, 0, -1):
        a_prev = acts[l - 1]
        grads[f"W{l}"] = a_prev.T @ ds
        grads[f"b{l}"] = ds.sum(axis=0)
        if l > 1:
            da = ds @ params[f"W{l}"].T
            ds = da * a_prev * (1.0 - a_prev)
    return loss, grads


def dag_forward_backward(x0, W1, W2, W3):
    x0 = np.asarray(x0, dtype=float)
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    u = np.concatenate([x1, x2])
    x3 = float(W3 @ u)
    n0, h1 = len(x0), len(x1)
    dx1 = W3[:h1].astype(float)
    dx2 = W3[h1:]
    dpre2 = dx2 * (1.0 - x2 ** 2)
    dW2 = np.outer(dpre2, z2)
    dz2 = W2.T @ dpre2
    dx0 = dz2[:n0].copy()
    dx1 = dx1 + dz2[n0:]
    dpre1 = dx1 * (1.0 - x1 ** 2)
    dW1 = np.outer(dpre1, x0)
    dx0 = dx0 + W1.T @ dpre1
    return x3, {"W1": dW1, "W2": dW2, "W3": u, "x0": dx0}


def chain_rule_example(x):
    value = np.exp(np.sin(x ** 2))
    derivative = value * np.cos(x ** 2) * 2 * x
    return value, derivative
