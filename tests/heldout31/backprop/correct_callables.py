"""Losses, softmax and backpropagation written with callable objects: a Softmax object, Loss
objects (Hinge, CrossEntropy) configured with reg and called on (W, X, y), Layer objects with
__call__ for the forward pass and a backward method, an MLP that chains them, and
functools.partial for the regulariser; the API functions build them and call them.

Correct solution (style: callables).
"""

from functools import partial

import numpy as np


class Softmax:
    def __call__(self, Z):
        Z = np.asarray(Z, dtype=float)
        e = np.exp(Z - Z.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)


softmax = Softmax()


def softmax_jacobian(p):
    """diag(p) - p p^T."""
    p = np.asarray(p, dtype=float)
    if p.ndim != 1:
        raise ValueError("p must be 1-D")
    return np.diag(p) - np.outer(p, p)


def _l2(reg, W):
    return reg * np.sum(W * W), 2 * reg * W


class LinearLoss:
    """Base: checks shapes, computes scores, adds the L2 penalty."""

    def __init__(self, reg):
        self.penalty = partial(_l2, reg)

    def check(self, W, X, y):
        W = np.asarray(W, dtype=float)
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        if W.ndim != 2 or X.ndim != 2 or y.ndim != 1:
            raise ValueError("expected W (D, C), X (N, D), y (N,)")
        if X.shape[1] != W.shape[0] or X.shape[0] != y.shape[0]:
            raise ValueError("shapes disagree")
        if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
            raise ValueError("labels out of range")
        return W, X, y.astype(int)

    def __call__(self, W, X, y):
        W, X, y = self.check(W, X, y)
        loss, ds = self.data_loss(X @ W, y)
        penalty = self.penalty(W)
        return float(loss + penalty[0]), X.T @ ds + penalty[1]


class Hinge(LinearLoss):
    def data_loss(self, s, y):
        N = s.shape[0]
        rows = np.arange(N)
        margins = s - s[rows, y][:, None] + 1.0
        margins[rows, y] = 0.0
        ds = (margins > 0).astype(float)
        ds[rows, y] = -ds.sum(axis=1)
        return np.maximum(0.0, margins).sum() / N, ds / N


class CrossEntropy(LinearLoss):
    def data_loss(self, s, y):
        N = s.shape[0]
        rows = np.arange(N)
        shifted = s - s.max(axis=1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        ds = np.exp(log_p)
        ds[rows, y] -= 1.0
        return -log_p[rows, y].sum() / N, ds / N


def hinge_loss(W, X, y, reg):
    """Multiclass SVM loss and gradient."""
    return Hinge(reg)(W, X, y)


def softmax_loss(W, X, y, reg):
    """Mean cross-entropy plus reg * sum W^2, and its gradient."""
    return CrossEntropy(reg)(W, X, y)


class Affine:
    def __init__(self, W, b):
        self.W = np.asarray(W, dtype=float)
        self.b = np.asarray(b, dtype=float)

    def __call__(self, x):
        if x.ndim != 2 or self.W.ndim != 2 or x.shape[1] != self.W.shape[0] \
                or self.b.shape != (self.W.shape[1],):
            raise ValueError("affine shapes disagree")
        self.x = x
        return x @ self.W + self.b

    def backward(self, ds):
        return ds @ self.W.T, self.x.T @ ds, ds.sum(axis=0)


class SigmoidLayer:
    def __call__(self, s):
        e = np.exp(-np.abs(s))
        self.out = np.where(s >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
        return self.out

    def backward(self, dout):
        return dout * self.out * (1.0 - self.out)


class MLP:
    def __init__(self, params):
        L = 0
        while f"W{L + 1}" in params:
            L += 1
        if L == 0 or set(params) != {f"{k}{l}" for l in range(1, L + 1) for k in "Wb"}:
            raise ValueError("params must hold W1, b1, ..., WL, bL")
        self.L = L
        self.affines = [Affine(params[f"W{l}"], params[f"b{l}"]) for l in range(1, L + 1)]
        self.sigmoids = [SigmoidLayer() for _ in range(L - 1)]

    def __call__(self, X):
        x = np.asarray(X, dtype=float)
        for l in range(self.L):
            x = self.affines[l](x)
            if l < self.L - 1:
                x = self.sigmoids[l](x)
        return x

    def backward(self, dscores):
        grads = {}
        delta = dscores
        for l in range(self.L - 1, -1, -1):
            if l < self.L - 1:
                delta = self.sigmoids[l].backward(delta)
            delta, grads[f"W{l + 1}"], grads[f"b{l + 1}"] = self.affines[l].backward(delta)
        return {k: grads[k] for l in range(1, self.L + 1) for k in (f"W{l}", f"b{l}")}


def mlp_loss_and_grads(params, X, y):
    """Sigmoid MLP, linear output scores, mean softmax cross-entropy; backprop grads."""
    net = MLP(params)
    scores = net(X)
    y = np.asarray(y).astype(int)
    if y.shape != (scores.shape[0],) or (y.size and (y.min() < 0 or y.max() >= scores.shape[1])):
        raise ValueError("labels do not fit the scores")
    loss, dscores = CrossEntropy(0.0).data_loss(scores, y)
    return float(loss), net.backward(dscores)


class Tanh:
    def __call__(self, s):
        self.out = np.tanh(s)
        return self.out

    def backward(self, dout):
        return dout * (1.0 - self.out**2)


def dag_forward_backward(x0, W1, W2, W3):
    """x1 = tanh(W1 x0), x2 = tanh(W2 [x0; x1]), x3 = W3 . [x1; x2]; grads over every path."""
    x0 = np.asarray(x0, dtype=float)
    W1 = np.asarray(W1, dtype=float)
    W2 = np.asarray(W2, dtype=float)
    W3 = np.asarray(W3, dtype=float)
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1:
        raise ValueError("shapes disagree")
    if W3.shape != (d1 + W2.shape[0],):
        raise ValueError("W3 has the wrong length")
    t1, t2 = Tanh(), Tanh()
    x1 = t1(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = t2(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    x3 = float(W3 @ z3)
    ds2 = t2.backward(W3[d1:])
    dz2 = W2.T @ ds2
    ds1 = t1.backward(W3[:d1] + dz2[d0:])
    grads = {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, z2), "W3": z3.copy(),
             "x0": dz2[:d0] + W1.T @ ds1}
    return x3, grads


class Chain:
    """f = outer(middle(inner(x))) with derivatives multiplied along the chain."""

    def __init__(self, *links):
        self.links = links

    def __call__(self, x):
        value, derivative = float(x), 1.0
        for f, df in self.links:
            derivative *= df(value)
            value = f(value)
        return value, derivative


def chain_rule_example(x):
    """(e^{sin(x^2)}, its derivative)."""
    chain = Chain((lambda u: u * u, lambda u: 2.0 * u), (np.sin, np.cos), (np.exp, np.exp))
    value, derivative = chain(x)
    return float(value), float(derivative)
