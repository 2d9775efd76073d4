"""hinge_loss builds Hinge() without passing reg.

The loss object falls back to the default reg = 0: the L2 penalty and its 2 reg W are missing
from the hinge loss and its gradient.

Graded: hinge_loss. Written from correct_inheritance.py.
"""

from abc import ABC, abstractmethod

import numpy as np


class Layer(ABC):
    @abstractmethod
    def forward(self, x):
        """Output; keeps what backward needs."""

    @abstractmethod
    def backward(self, dout):
        """Gradient with respect to the input."""


class Affine(Layer):
    def __init__(self, W, b):
        self.W = np.asarray(W, dtype=np.float64)
        self.b = np.asarray(b, dtype=np.float64)

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.W.T


class Sigmoid(Layer):
    def forward(self, x):
        e = np.exp(-np.abs(x))
        self.out = np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
        return self.out

    def backward(self, dout):
        return dout * self.out * (1.0 - self.out)


class Tanh(Layer):
    def forward(self, x):
        self.out = np.tanh(x)
        return self.out

    def backward(self, dout):
        return dout * (1.0 - self.out ** 2)


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    e = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    return np.diag(p) - np.outer(p, p)


class Loss(ABC):
    """L(W) = data_loss(X W, y) + reg * sum W^2 for a linear classifier."""

    def __init__(self, reg=0.0):
        self.reg = reg

    def check(self, W, X, y):
        W = np.asarray(W, dtype=np.float64)
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y)
        if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
            raise ValueError("expected W (D, C), X (N, D), y (N,)")
        if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
            raise ValueError("shapes disagree")
        if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
            raise ValueError("bad labels")
        return W, X, y.astype(np.intp)

    @abstractmethod
    def data_loss(self, s, y):
        """(mean data loss, dL/ds) for scores s (N, C)."""

    def __call__(self, W, X, y):
        W, X, y = self.check(W, X, y)
        data, ds = self.data_loss(X @ W, y)
        loss = data + self.reg * np.sum(W * W)
        return float(loss), X.T @ ds + 2.0 * self.reg * W


class Hinge(Loss):
    def data_loss(self, s, y):
        N = s.shape[0]
        rows = np.arange(N)
        margins = s - s[rows, y][:, None] + 1.0
        margins[rows, y] = 0.0
        active = (margins > 0).astype(np.float64)
        active[rows, y] = -active.sum(axis=1)
        return np.maximum(0.0, margins).sum() / N, active / N


class SoftmaxCE(Loss):
    def data_loss(self, s, y):
        N = s.shape[0]
        rows = np.arange(N)
        shifted = s - s.max(axis=1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        ds = np.exp(log_p)
        ds[rows, y] -= 1.0
        return -log_p[rows, y].sum() / N, ds / N


class MLP:
    def __init__(self, params):
        L = 0
        while f"W{L + 1}" in params:
            L += 1
        if L == 0 or set(params) != {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}:
            raise ValueError("params must be W1, b1, ..., WL, bL")
        self.L = L
        self.layers = []
        for l in range(1, L + 1):
            self.layers.append(Affine(params[f"W{l}"], params[f"b{l}"]))
            if l < L:
                self.layers.append(Sigmoid())

    def forward(self, X):
        out = np.asarray(X, dtype=np.float64)
        for layer in self.layers:
            out = layer.forward(out)
        return out

    def backward(self, dscores):
        d = dscores
        for layer in reversed(self.layers):
            d = layer.backward(d)
        grads = {}
        affines = [layer for layer in self.layers if isinstance(layer, Affine)]
        for l, layer in enumerate(affines, start=1):
            grads[f"W{l}"] = layer.dW
            grads[f"b{l}"] = layer.db
        return grads


def hinge_loss(W, X, y, reg):
    return Hinge()(W, X, y)


def softmax_loss(W, X, y, reg):
    return SoftmaxCE(reg)(W, X, y)


def mlp_loss_and_grads(params, X, y):
    net = MLP(params)
    scores = net.forward(X)
    y = np.asarray(y)
    if y.shape != (scores.shape[0],) or (y.size and (y.min() < 0 or y.max() >= scores.shape[1])):
        raise ValueError("bad labels")
    loss, dscores = SoftmaxCE().data_loss(scores, y.astype(np.intp))
    return float(loss), net.backward(dscores)


def dag_forward_backward(x0, W1, W2, W3):
    x0 = np.asarray(x0, dtype=np.float64)
    W1 = np.asarray(W1, dtype=np.float64)
    W2 = np.asarray(W2, dtype=np.float64)
    W3 = np.asarray(W3, dtype=np.float64)
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError("shapes disagree")
    if W3.shape != (d1 + W2.shape[0],):
        raise ValueError("W3 has the wrong shape")
    t1, t2 = Tanh(), Tanh()
    x1 = t1.forward(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = t2.forward(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    ds2 = t2.backward(W3[d1:])
    dz2 = W2.T @ ds2
    ds1 = t1.backward(W3[:d1] + dz2[d0:])
    dx0 = dz2[:d0] + W1.T @ ds1
    return x3, {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3, "x0": dx0}


def chain_rule_example(x):
    u = x * x
    v = np.sin(u)
    f = np.exp(v)
    return float(f), float(f * np.cos(u) * 2 * x)
