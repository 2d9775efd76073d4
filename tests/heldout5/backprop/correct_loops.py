"""Backprop assignment with explicit per-sample loops for the losses (correct)."""

import math

import numpy as np


def softmax(Z):
    Z = np.asarray(Z, dtype=float)
    P = np.empty_like(Z)
    for i in range(Z.shape[0]):
        row = np.exp(Z[i] - Z[i].max())
        P[i] = row / row.sum()
    return P


def softmax_jacobian(p):
    C = len(p)
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
        s = X[i] @ W
        for j in range(C):
            if j == y[i]:
                continue
            margin = s[j] - s[y[i]] + 1
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
    N = X.shape[0]
    loss = 0.0
    dW = np.zeros_like(W)
    for i in range(N):
        s = X[i] @ W
        s = s - s.max()
        p = np.exp(s) / np.exp(s).sum()
        loss -= math.log(p[y[i]])
        p[y[i]] -= 1
        dW += np.outer(X[i], p)
    loss = loss / N + reg * np.sum(W * W)
    dW = dW / N + 2 * reg * W
    return loss, dW


def _sig(z):
    return np.where(z >= 0, 1 / (1 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))))


def mlp_loss_and_grads(params, X, y):
    L = sum(1 for key in params if key.startswith("W"))
    y = np.asarray(y)
    xs = [np.asarray(X, dtype=float)]
    ss = []
    for l in range(1, L + 1):
        s = xs[-1] @ params["W%d" % l] + params["b%d" % l]
        ss.append(s)
        xs.append(_sig(s) if l < L else s)
    N = xs[0].shape[0]
    P = softmax(ss[-1])
    loss = -np.mean(np.log(P[np.arange(N), y]))
    ds = P.copy()
    ds[np.arange(N), y] -= 1
    ds = ds / N
    grads = {}
    for l in range(L, 0, -1):
        grads["W%d" % l] = xs[l - 1].T @ ds
        grads["b%d" % l] = ds.sum(axis=0)
        if l > 1:
            sig = _sig(ss[l - 2])
            ds = (ds @ params["W%d" % l].T) * sig * (1 - sig)
    return float(loss), grads


def dag_forward_backward(x0, W1, W2, W3):
    x0 = np.asarray(x0, dtype=float)
    W1, W2, W3 = np.asarray(W1, float), np.asarray(W2, float), np.asarray(W3, float)
    d0, d1 = x0.shape[0], W1.shape[0]
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(np.dot(W3, z3))
    dx2 = W3[d1:]
    da2 = dx2 * (1 - x2 * x2)
    dW2 = np.outer(da2, z2)
    dz2 = W2.T @ da2
    dx1 = W3[:d1] + dz2[d0:]
    da1 = dx1 * (1 - x1 * x1)
    dW1 = np.outer(da1, x0)
    dx0 = dz2[:d0] + W1.T @ da1
    return x3, {"W1": dW1, "W2": dW2, "W3": z3, "x0": dx0}


def chain_rule_example(x):
    u = x * x
    v = math.sin(u)
    f = math.exp(v)
    return f, f * math.cos(u) * 2 * x
