"""The next layer is fed the pre-activation s instead of the activation sigma(s): the hidden layers
are linear in the forward pass (the sigmoids are computed and stored but not used), so the loss
and every gradient are wrong for L >= 2.

Single mistake in `mlp_loss_and_grads`; written in the style of correct_dataclass.
"""

from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np


def softmax(Z):
    Z = np.asarray(Z, dtype=np.float64)
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def softmax_jacobian(p):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError("p must be a 1-D probability vector")
    return np.diag(p) - np.outer(p, p)


class LossGrad(NamedTuple):
    loss: float
    dW: np.ndarray


@dataclass(frozen=True)
class Linear:
    W: np.ndarray
    X: np.ndarray
    y: np.ndarray

    @classmethod
    def checked(cls, W, X, y):
        W = np.asarray(W, dtype=np.float64)
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y)
        if W.ndim != 2 or X.ndim != 2 or y.shape != (X.shape[0],) or X.shape[1] != W.shape[0]:
            raise ValueError(f"shapes disagree: W {W.shape}, X {X.shape}, y {y.shape}")
        if y.size and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]):
            raise ValueError("labels must be integers in 0..C-1")
        return cls(W, X, y.astype(np.intp))

    @property
    def scores(self):
        return self.X @ self.W

    @property
    def rows(self):
        return np.arange(self.X.shape[0])

    def finish(self, data_loss, ds, reg):
        loss = data_loss + reg * np.sum(self.W * self.W)
        return LossGrad(float(loss), self.X.T @ ds + 2 * reg * self.W)


def hinge_loss(W, X, y, reg):
    lin = Linear.checked(W, X, y)
    s, rows, N = lin.scores, lin.rows, lin.X.shape[0]
    margins = s - s[rows, lin.y][:, None] + 1.0
    margins[rows, lin.y] = 0.0
    active = (margins > 0).astype(np.float64)
    active[rows, lin.y] = -active.sum(axis=1)
    return tuple(lin.finish(np.maximum(margins, 0.0).sum() / N, active / N, reg))


def _cross_entropy(s, y):
    N = s.shape[0]
    rows = np.arange(N)
    shifted = s - s.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    ds = np.exp(log_p)
    ds[rows, y] -= 1.0
    return -log_p[rows, y].mean(), ds / N


def softmax_loss(W, X, y, reg):
    lin = Linear.checked(W, X, y)
    data_loss, ds = _cross_entropy(lin.scores, lin.y)
    result = lin.finish(data_loss, ds, reg)
    return LossGrad(result.loss, result.dW)


def _sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -z))


@dataclass
class Trace:
    inputs: list = field(default_factory=list)
    outputs: list = field(default_factory=list)


def mlp_loss_and_grads(params, X, y):
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    if L == 0 or set(params) != {f"{k}{l}" for l in range(1, L + 1) for k in "Wb"}:
        raise ValueError("params must hold W1, b1, ..., WL, bL")
    trace = Trace()
    x = np.asarray(X, dtype=np.float64)
    for l in range(1, L + 1):
        trace.inputs.append(x)
        s = x @ np.asarray(params[f"W{l}"], dtype=np.float64) + params[f"b{l}"]
        if l < L:
            trace.outputs.append(_sigmoid(s))
            x = s
    loss, delta = _cross_entropy(s, np.asarray(y).astype(np.intp))
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = trace.inputs[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            a = trace.outputs[l - 2]
            delta = (delta @ np.asarray(params[f"W{l}"], dtype=np.float64).T) * a * (1 - a)
    return float(loss), {k: grads[k] for k in params}


class DagForward(NamedTuple):
    x1: np.ndarray
    z2: np.ndarray
    x2: np.ndarray
    z3: np.ndarray
    x3: float


def dag_forward_backward(x0, W1, W2, W3):
    x0, W1, W2, W3 = (np.asarray(a, dtype=np.float64) for a in (x0, W1, W2, W3))
    d0, d1 = x0.shape[0], W1.shape[0]
    if W1.shape != (d1, d0) or W2.ndim != 2 or W2.shape[1] != d0 + d1 \
            or W3.shape != (d1 + W2.shape[0],):
        raise ValueError("shapes disagree")
    x1 = np.tanh(W1 @ x0)
    z2 = np.concatenate([x0, x1])
    x2 = np.tanh(W2 @ z2)
    z3 = np.concatenate([x1, x2])
    fwd = DagForward(x1, z2, x2, z3, float(W3 @ z3))
    ds2 = W3[d1:] * (1 - fwd.x2**2)
    dz2 = W2.T @ ds2
    ds1 = (W3[:d1] + dz2[d0:]) * (1 - fwd.x1**2)
    grads = {"W1": np.outer(ds1, x0), "W2": np.outer(ds2, fwd.z2), "W3": fwd.z3.copy(),
             "x0": dz2[:d0] + W1.T @ ds1}
    return fwd.x3, grads


class Link(NamedTuple):
    value: float
    derivative: float


def chain_rule_example(x):
    u = Link(x * x, 2 * x)
    v = Link(np.sin(u.value), np.cos(u.value) * u.derivative)
    f = Link(np.exp(v.value), np.exp(v.value) * v.derivative)
    return float(f.value), float(f.derivative)
