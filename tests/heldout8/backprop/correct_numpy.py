"""Backprop, vectorised numpy with one-hot label matrices and a layer loop."""

import numpy as np


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    E = np.exp(Z - np.amax(Z, axis=1, keepdims=True))
    return E / np.sum(E, axis=1, keepdims=True)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    return p[:, None] * (np.eye(p.size) - p[None, :])


def _onehot(y, C):
    y = np.asarray(y).astype(int)
    Y = np.zeros((y.size, C))
    Y[np.arange(y.size), y] = 1.0
    return Y


def hinge_loss(W, X, y, reg):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    N = X.shape[0]
    Y = _onehot(y, W.shape[1])
    S = X @ W
    correct = np.sum(S * Y, axis=1, keepdims=True)
    M = np.maximum(0.0, S - correct + 1.0) * (1.0 - Y)
    loss = M.sum() / N + reg * np.sum(W ** 2)
    A = (M > 0).astype(np.float64)
    G = A - Y * A.sum(axis=1, keepdims=True)
    dW = X.T @ G / N + 2 * reg * W
    return float(loss), dW


def softmax_loss(W, X, y, reg):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    N = X.shape[0]
    Y = _onehot(y, W.shape[1])
    P = softmax(X @ W)
    S = X @ W
    S = S - S.max(axis=1, keepdims=True)
    logp = S - np.log(np.exp(S).sum(axis=1, keepdims=True))
    loss = -np.sum(Y * logp) / N + reg * np.sum(W ** 2)
    dW = X.T @ (P - Y) / N + 2 * reg * W
    return float(loss), dW


def mlp_loss_and_grads(params, X, y):
    X = np.asarray(X, dtype=np.float64)
    L = len(params) // 2
    h = [X]
    for l in range(1, L):
        h.append(1.0 / (1.0 + np.exp(-(h[-1] @ params[f"W{l}"] + params[f"b{l}"]))))
    S = h[-1] @ params[f"W{L}"] + params[f"b{L}"]
    N = X.shape[0]
    Y = _onehot(y, S.shape[1])
    P = softmax(S)
    S0 = S - S.max(axis=1, keepdims=True)
    loss = -np.sum(Y * (S0 - np.log(np.exp(S0).sum(axis=1, keepdims=True)))) / N
    d = (P - Y) / N
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = h[l - 1].T @ d
        grads[f"b{l}"] = d.sum(axis=0)
        d = (d @ params[f"W{l}"].T) * h[l - 1] * (1.0 - h[l - 1])
    return float(loss), grads


def dag_forward_backward(x0, W1, W2, W3):
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
    d0, d1 = x0.size, W1.shape[0]
    x1 = np.tanh(W1 @ x0)
    z2 = np.r_[x0, x1]
    x2 = np.tanh(W2 @ z2)
    z3 = np.r_[x1, x2]
    ds2 = W3[d1:] * (1.0 - x2 ** 2)
    dz2 = W2.T @ ds2
    ds1 = (W3[:d1] + dz2[d0:]) * (1.0 - x1 ** 2)
    grads = {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3,
             "x0": dz2[:d0] + W1.T @ ds1}
    return float(W3 @ z3), grads


def chain_rule_example(x):
    f = np.exp(np.sin(x ** 2))
    return float(f), float(f * np.cos(x ** 2) * 2 * x)
