"""loop-based rewrite

A demo student who writes the losses the "naive" way: loops over samples and classes."""

import math

import numpy as np

from reference.backprop import *  # noqa: F403


def softmax(Z):
    Z = np.asarray(Z, dtype=float)
    P = np.empty(Z.shape)
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
            J[i, j] = p[i] * ((1.0 if i == j else 0.0) - p[j])
    return J


def _check(W, X, y):
    if len(X) != len(y) or len(X[0]) != len(W):
        raise ValueError("shapes of W, X and y disagree")


def hinge_loss(W, X, y, reg):
    _check(W, X, y)
    N, C = len(X), W.shape[1]
    loss = 0.0
    dW = np.zeros(W.shape)
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
    return loss, dW / N + 2 * reg * W


def softmax_loss(W, X, y, reg):
    _check(W, X, y)
    N = len(X)
    loss = 0.0
    dW = np.zeros(W.shape)
    for i in range(N):
        p = softmax((X[i] @ W)[None, :])[0]
        loss -= math.log(p[y[i]])
        p[y[i]] -= 1
        dW += np.outer(X[i], p)
    return loss / N + reg * np.sum(W * W), dW / N + 2 * reg * W
