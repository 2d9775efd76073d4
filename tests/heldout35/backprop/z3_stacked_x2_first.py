"""Graph.z3 stacks [x2; x1] instead of [x1; x2].

W3's first d1 weights meet x2 and the rest x1 in the forward pass, while the backward pass still
splits W3 as [x1 part; x2 part]: x3 is wrong whenever the blocks differ, and so are the
gradients (dW3 comes out in the swapped order too).

Graded: dag_forward_backward (written from correct_properties.py).
"""

import math
from functools import cached_property

import numpy as np


class Softmax:
    """Row-wise softmax of logits Z (the last axis)."""

    def __init__(self, Z):
        self.Z = np.asarray(Z, dtype=np.float64)

    @cached_property
    def shifted(self):
        return self.Z - self.Z.max(axis=-1, keepdims=True)

    @cached_property
    def log_probs(self):
        return self.shifted - np.log(np.exp(self.shifted).sum(axis=-1, keepdims=True))

    @property
    def probs(self):
        return np.exp(self.log_probs)


class LinearClassifier:
    """Scores s = X W of a linear classifier with labels y and L2 strength reg."""

    def __init__(self, W, X, y, reg):
        self.W = np.asarray(W, dtype=np.float64)
        self.X = np.asarray(X, dtype=np.float64)
        self.y = np.asarray(y)
        self.reg = reg
        if self.W.ndim != 2 or self.X.ndim != 2 or self.y.ndim != 1:
            raise ValueError("expected W (D, C), X (N, D), y (N,)")
        if self.X.shape[1] != self.W.shape[0] or self.X.shape[0] != self.y.shape[0]:
            raise ValueError("shapes of W, X and y disagree")
        if self.y.size and (self.y.dtype.kind not in "iu" or self.y.min() < 0
                            or self.y.max() >= self.W.shape[1]):
            raise ValueError("labels must be integers in 0..C-1")

    @property
    def N(self):
        return self.X.shape[0]

    @property
    def rows(self):
        return np.arange(self.N)

    @cached_property
    def scores(self):
        return self.X @ self.W

    @cached_property
    def penalty(self):
        return self.reg * np.sum(self.W * self.W)

    @cached_property
    def margins(self):
        m = self.scores - self.scores[self.rows, self.y][:, None] + 1.0
        m[self.rows, self.y] = 0.0
        return m

    @property
    def hinge_loss(self):
        return float(np.maximum(0.0, self.margins).sum() / self.N + self.penalty)

    @property
    def hinge_grad(self):
        ds = (self.margins > 0).astype(np.float64)
        ds[self.rows, self.y] = -ds.sum(axis=1)
        return self.X.T @ ds / self.N + 2.0 * self.reg * self.W

    @cached_property
    def softmax(self):
        return Softmax(self.scores)

    @property
    def softmax_loss(self):
        return float(-self.softmax.log_probs[self.rows, self.y].sum() / self.N + self.penalty)

    @property
    def softmax_grad(self):
        ds = self.softmax.probs.copy()
        ds[self.rows, self.y] -= 1.0
        return self.X.T @ ds / self.N + 2.0 * self.reg * self.W


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


class MLP:
    """A sigmoid MLP with linear output scores and softmax cross-entropy, on one batch."""

    def __init__(self, params, X, y):
        self.params = {k: np.asarray(v, dtype=np.float64) for k, v in params.items()}
        self.X = np.asarray(X, dtype=np.float64)
        self.y = np.asarray(y).astype(np.intp)
        expected = {f"{p}{l}" for l in range(1, self.depth + 1) for p in "Wb"}
        if self.depth == 0 or set(self.params) != expected:
            raise ValueError("params must hold exactly W1, b1, ..., WL, bL")
        if self.y.shape != (self.X.shape[0],):
            raise ValueError("one label per row of X")

    @cached_property
    def depth(self):
        L = 0
        while f"W{L + 1}" in self.params:
            L += 1
        return L

    @cached_property
    def activations(self):
        x = self.X
        acts = [x]
        for l in range(1, self.depth + 1):
            W, b = self.params[f"W{l}"], self.params[f"b{l}"]
            if x.shape[1] != W.shape[0] or b.shape != (W.shape[1],):
                raise ValueError(f"layer {l} shapes disagree")
            s = x @ W + b
            x = _sigmoid(s) if l < self.depth else s
            acts.append(x)
        return acts

    @property
    def scores(self):
        return self.activations[-1]

    @cached_property
    def output(self):
        if self.y.size and (self.y.min() < 0 or self.y.max() >= self.scores.shape[1]):
            raise ValueError("labels must be integers in 0..C-1")
        return Softmax(self.scores)

    @property
    def loss(self):
        rows = np.arange(self.X.shape[0])
        return float(-self.output.log_probs[rows, self.y].sum() / self.X.shape[0])

    @cached_property
    def deltas(self):
        rows = np.arange(self.X.shape[0])
        delta = self.output.probs.copy()
        delta[rows, self.y] -= 1.0
        delta /= self.X.shape[0]
        out = {self.depth: delta}
        for l in range(self.depth, 1, -1):
            a = self.activations[l - 1]
            delta = (delta @ self.params[f"W{l}"].T) * a * (1.0 - a)
            out[l - 1] = delta
        return out

    @cached_property
    def grads(self):
        grads = {}
        for l in range(1, self.depth + 1):
            grads[f"W{l}"] = self.activations[l - 1].T @ self.deltas[l]
            grads[f"b{l}"] = self.deltas[l].sum(axis=0)
        return grads


class Graph:
    """x1 = tanh(W1 x0), x2 = tanh(W2 [x0; x1]), x3 = W3 . [x1; x2]."""

    def __init__(self, x0, W1, W2, W3):
        self.x0 = np.asarray(x0, dtype=np.float64)
        self.W1 = np.asarray(W1, dtype=np.float64)
        self.W2 = np.asarray(W2, dtype=np.float64)
        self.W3 = np.asarray(W3, dtype=np.float64)
        if self.W1.shape != (self.d1, self.d0) or self.W2.ndim != 2 \
                or self.W2.shape[1] != self.d0 + self.d1:
            raise ValueError("shapes of x0, W1 and W2 disagree")
        if self.W3.shape != (self.d1 + self.W2.shape[0],):
            raise ValueError("W3 must have d1 + d2 entries")

    @property
    def d0(self):
        return self.x0.shape[0]

    @property
    def d1(self):
        return self.W1.shape[0]

    @cached_property
    def x1(self):
        return np.tanh(self.W1 @ self.x0)

    @cached_property
    def z2(self):
        return np.concatenate([self.x0, self.x1])

    @cached_property
    def x2(self):
        return np.tanh(self.W2 @ self.z2)

    @cached_property
    def z3(self):
        return np.concatenate([self.x2, self.x1])

    @property
    def x3(self):
        return float(self.W3 @ self.z3)

    @cached_property
    def ds2(self):
        return self.W3[self.d1:] * (1.0 - self.x2**2)

    @cached_property
    def dz2(self):
        return self.W2.T @ self.ds2

    @cached_property
    def ds1(self):
        dx1 = self.W3[:self.d1] + self.dz2[self.d0:]
        return dx1 * (1.0 - self.x1**2)

    @property
    def grads(self):
        return {"W1": np.outer(self.ds1, self.x0),
                "W2": np.outer(self.ds2, self.z2),
                "W3": self.z3.copy(),
                "x0": self.dz2[:self.d0] + self.W1.T @ self.ds1}


class Chain:
    """f(x) = e^{sin(x^2)} and its derivative."""

    def __init__(self, x):
        self.x = float(x)

    @cached_property
    def u(self):
        return self.x**2

    @cached_property
    def value(self):
        return math.exp(math.sin(self.u))

    @property
    def derivative(self):
        return self.value * math.cos(self.u) * 2.0 * self.x


def softmax(Z):
    """Row-wise softmax, shifted by the row max."""
    return Softmax(Z).probs


def softmax_jacobian(p):
    """diag(p) - p p^T."""
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be a 1-D probability vector")
    return np.diag(p) - np.outer(p, p)


def hinge_loss(W, X, y, reg):
    """(loss, dW) of the multiclass SVM."""
    clf = LinearClassifier(W, X, y, reg)
    return clf.hinge_loss, clf.hinge_grad


def softmax_loss(W, X, y, reg):
    """(loss, dW) of softmax cross-entropy."""
    clf = LinearClassifier(W, X, y, reg)
    return clf.softmax_loss, clf.softmax_grad


def mlp_loss_and_grads(params, X, y):
    """(loss, grads) of the sigmoid MLP."""
    net = MLP(params, X, y)
    return net.loss, net.grads


def dag_forward_backward(x0, W1, W2, W3):
    """(x3, grads) of the small DAG."""
    graph = Graph(x0, W1, W2, W3)
    return graph.x3, graph.grads


def chain_rule_example(x):
    """(f(x), f'(x)) for f(x) = e^{sin(x^2)}."""
    chain = Chain(x)
    return chain.value, chain.derivative
