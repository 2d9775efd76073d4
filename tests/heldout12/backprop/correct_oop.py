"""Losses and backpropagation around small classes: a SoftmaxRows object gives stable
probabilities and log-probabilities, a Linear dataclass gives scores and the L2 penalty with its
gradient, DenseLayer objects cache what their backward pass needs, TanhNode objects do the DAG's
two nodes, and the chain rule runs over a tuple of Link records (function, derivative).

Correct solution (style: oop).
"""

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


class SoftmaxRows:
    def __init__(self, Z):
        self.Z = np.asarray(Z, dtype=np.float64)

    def shifted(self):
        return self.Z - self.Z.max(axis=-1, keepdims=True)

    def probs(self):
        e = np.exp(self.shifted())
        return e / e.sum(axis=-1, keepdims=True)

    def log_probs(self):
        s = self.shifted()
        return s - np.log(np.exp(s).sum(axis=-1, keepdims=True))


def softmax(Z):
    return SoftmaxRows(Z).probs()


@dataclass(frozen=True)
class ProbVector:
    p: np.ndarray

    def jacobian(self):
        return np.diag(self.p) - np.outer(self.p, self.p)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    return ProbVector(p).jacobian()


@dataclass(frozen=True)
class Linear:
    W: np.ndarray

    def scores(self, X):
        return X @ self.W

    def penalty(self, reg):
        return reg * float(np.sum(self.W * self.W))

    def penalty_grad(self, reg):
        return 2.0 * reg * self.W


def _setup(W, X, y):
    W = np.asarray(W, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
        raise ValueError("expected W (D, C), X (N, D), y (N,)")
    if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
        raise ValueError("shapes disagree")
    return Linear(W), X, y.astype(np.intp)


def hinge_loss(W, X, y, reg):
    model, X, y = _setup(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    s = model.scores(X)
    margins = s - s[rows, y][:, None] + 1.0
    margins[rows, y] = 0.0
    active = margins > 0
    loss = np.maximum(margins, 0.0).sum() / N + model.penalty(reg)
    ds = active.astype(np.float64)
    ds[rows, y] = -active.sum(axis=1)
    ds /= N
    return float(loss), X.T @ ds + model.penalty_grad(reg)


def softmax_loss(W, X, y, reg):
    model, X, y = _setup(W, X, y)
    N = X.shape[0]
    rows = np.arange(N)
    sm = SoftmaxRows(model.scores(X))
    loss = -sm.log_probs()[rows, y].sum() / N + model.penalty(reg)
    ds = sm.probs()
    ds[rows, y] -= 1.0
    ds /= N
    return float(loss), X.T @ ds + model.penalty_grad(reg)


def _sigmoid(s):
    e = np.exp(-np.abs(s))
    return np.where(s >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


class DenseLayer:
    def __init__(self, W, b, hidden):
        self.W = np.asarray(W, dtype=np.float64)
        self.b = np.asarray(b, dtype=np.float64)
        self.hidden = hidden

    def forward(self, x):
        self.x = x
        s = x @ self.W + self.b
        self.out = _sigmoid(s) if self.hidden else s
        return self.out

    def backward(self, d):
        if self.hidden:
            d = d * self.out * (1.0 - self.out)
        self.dW = self.x.T @ d
        self.db = d.sum(axis=0)
        return d @ self.W.T


def mlp_loss_and_grads(params, X, y):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    layers = [DenseLayer(params[f"W{l}"], params[f"b{l}"], l < L) for l in range(1, L + 1)]
    x = np.asarray(X, dtype=np.float64)
    for layer in layers:
        x = layer.forward(x)
    y = np.asarray(y).astype(np.intp)
    N = x.shape[0]
    rows = np.arange(N)
    sm = SoftmaxRows(x)
    loss = -sm.log_probs()[rows, y].sum() / N
    d = sm.probs()
    d[rows, y] -= 1.0
    d /= N
    for layer in reversed(layers):
        d = layer.backward(d)
    grads = {}
    for l, layer in enumerate(layers, start=1):
        grads[f"W{l}"] = layer.dW
        grads[f"b{l}"] = layer.db
    return float(loss), grads


class TanhNode:
    def __init__(self, W):
        self.W = np.asarray(W, dtype=np.float64)

    def forward(self, z):
        self.z = z
        self.out = np.tanh(self.W @ z)
        return self.out

    def backward(self, dout):
        ds = dout * (1.0 - self.out**2)
        self.dW = np.outer(ds, self.z)
        return self.W.T @ ds


def dag_forward_backward(x0, W1, W2, W3):
    x0 = np.asarray(x0, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    node1, node2 = TanhNode(W1), TanhNode(W2)
    d0, d1 = x0.shape[0], node1.W.shape[0]
    if node1.W.shape != (d1, d0) or node2.W.ndim != 2 or node2.W.shape[1] != d0 + d1:
        raise ValueError("shapes disagree")
    if W3.shape != (d1 + node2.W.shape[0],):
        raise ValueError("W3 has the wrong shape")
    x1 = node1.forward(x0)
    z2 = np.concatenate([x0, x1])
    x2 = node2.forward(z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    dz2 = node2.backward(W3[d1:])
    dx1 = W3[:d1] + dz2[d0:]
    dx0 = dz2[:d0] + node1.backward(dx1)
    return x3, {"W1": node1.dW, "W2": node2.dW, "W3": z3.copy(), "x0": dx0}


@dataclass(frozen=True)
class Link:
    f: Callable[[float], float]
    df: Callable[[float], float]


_CHAIN = (
    Link(lambda t: t * t, lambda t: 2.0 * t),
    Link(math.sin, math.cos),
    Link(math.exp, math.exp),
)


def chain_rule_example(x):
    value, derivative = float(x), 1.0
    for link in _CHAIN:
        derivative *= link.df(value)
        value = link.f(value)
    return value, derivative
